import { defineConfig } from "vite";
import { codegenOnChangePlugin } from "./build/codegen-on-change-plugin";
import { pageConfig } from "./build/shared-config";

// The reference app, served by the gateway at /app/ (npm run build; npm run dev:web).
export default defineConfig(pageConfig("app", "/app/", { plugins: [codegenOnChangePlugin()] }));
