import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// Two layers: `unit` (test/unit/, pure code, no PostgreSQL and no servers, files in parallel)
// runs first; `e2e` (test/e2e/, the federation over a real PostgreSQL) after it, one file at a
// time: its files share the machine's cores and ports.
export default defineConfig({
  resolve: {
    // @apollo/subgraph loads graphql's CommonJS build; make ESM imports use the same copy
    // (of "graphql" itself: graphql-armor imports "graphql/language/parser").
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    setupFiles: ["reflect-metadata"],
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          sequence: { groupOrder: 0 },
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/helpers/global-setup.ts"],
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          // One module graph for every e2e file: each file re-importing the servers cost ~0.5 s.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
