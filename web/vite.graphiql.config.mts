import { defineConfig } from "vite";
import { readmeExamplesPlugin } from "./build/readme-examples-plugin";
import { pageConfig } from "./build/shared-config";

// GraphiQL with the explorer plugin and the README's examples, served by the gateway at
// /graphiql when introspection is on.
export default defineConfig(
  pageConfig("graphiql", "/graphiql/", {
    plugins: [readmeExamplesPlugin()],
    build: {
      // Monaco alone is megabytes of maps; GraphiQL is a tool, not code we debug.
      sourcemap: false,
      rolldownOptions: {
        onwarn(warning, warn) {
          // GraphiQL's packages are compiled by the React Compiler ("use no memo"): harmless.
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
      },
    },
  }),
);
