import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// Files that measure time, or that build dist/ themselves (npm start): they run after the other
// end-to-end files, one at a time, with the machine to themselves.
const ALONE = [
  "test/e2e/bench/soak.test.ts",
  "test/e2e/gateway/defence.test.ts",
  "test/e2e/platform/redis-deadlines.test.ts",
  "test/e2e/platform/shutdown.test.ts",
  "test/e2e/platform/slow-clients.test.ts",
  "test/e2e/scripts/npm-start-typed.test.ts",
];

// The federation over a real PostgreSQL (test/e2e/): both end-to-end projects share the run that
// global-setup.ts starts (one server, one dist/ build, one galaxy template).
const endToEnd = {
  extends: true,
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    // One module graph per worker: each file re-importing the servers cost ~0.5 s.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
} as const;

// Three groups, in order: `unit` (test/unit/, pure code, no PostgreSQL and no servers, files in
// parallel); `e2e`, two files at a time (they wait on servers and child processes most of the
// time); `e2e-alone`, one file at a time.
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
          // Pure modules: one module graph per worker (re-importing them for every file was
          // 60 % of the project's time: 15 s → 6 s).
          isolate: false,
          include: ["test/unit/**/*.test.ts"],
          sequence: { groupOrder: 0 },
          testTimeout: 20_000,
        },
      },
      {
        ...endToEnd,
        test: {
          ...endToEnd.test,
          name: "e2e",
          exclude: ALONE,
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
        },
      },
      {
        ...endToEnd,
        test: {
          ...endToEnd.test,
          name: "e2e-alone",
          include: ALONE,
          sequence: { groupOrder: 2 },
          fileParallelism: false,
        },
      },
    ],
  },
});
