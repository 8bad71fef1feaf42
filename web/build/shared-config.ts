import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import type { UserConfig } from "vite";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const web = (...parts: string[]) =>
  fileURLToPath(new URL(["..", ...parts].join("/"), import.meta.url));

/** Where the gateway answers GraphQL during `npm run dev:web`. */
const gatewayUrl = process.env.GATEWAY_URL ?? "http://127.0.0.1:4000";

/**
 * One page of the web build: `web/<name>/index.html` and its sources, built into
 * `dist/web/<name>/` and served by the gateway at `base`.
 */
export function pageConfig(name: string, base: string, extra: UserConfig = {}): UserConfig {
  return {
    root: web(name),
    base,
    publicDir: web("public"),
    plugins: [react(), ...(extra.plugins ?? [])],
    // Vite's cache stays out of node_modules/ of the project root, next to the other builds.
    cacheDir: web("..", "node_modules", ".vite", name),
    build: {
      outDir: web("..", "dist", "web", name),
      emptyOutDir: true,
      assetsDir: "assets",
      sourcemap: true,
      chunkSizeWarningLimit: 4096,
      ...extra.build,
    },
    server: {
      // The app asks /graphql on its own origin: in development, Vite hands it to the gateway.
      proxy: { "/graphql": { target: gatewayUrl, changeOrigin: true } },
      ...extra.server,
    },
  };
}
