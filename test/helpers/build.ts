import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { inject } from "vitest";
import { projectPath } from "../../platform/paths";
import { underRunLock } from "./run-lock";

/** Which test run last built dist/ (global-setup.ts gives each run its id). */
const STAMP = projectPath("dist", ".test-run");

/**
 * Compiles the server into dist/ as `npm run build:server` does, once per test run: the end-to-end
 * files that run the built scripts (the CLIs, npm start, main.js) share one build.
 */
export async function buildServer(): Promise<void> {
  await onceThisRun(STAMP, () => {
    const tsc = projectPath("node_modules", "typescript", "bin", "tsc");
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
      cwd: projectPath(),
      stdio: "pipe",
    });
  });
}

/** Which test run last built dist/web/. */
const WEB_STAMP = projectPath("dist", "web", ".test-run");

/**
 * The server, then the web app and GraphiQL into dist/web/, as `npm run build` lays them out,
 * once per test run (the browser test files share one build).
 */
export async function buildAll(): Promise<void> {
  await buildServer();
  await onceThisRun(WEB_STAMP, () => {
    // Vite's production build: vitest's NODE_ENV=test would bundle React's development build.
    execFileSync("npm", ["run", "build:web", "--silent"], {
      cwd: projectPath(),
      env: { ...process.env, NODE_ENV: "production" },
      stdio: "pipe",
    });
  });
}

/** Runs `build` unless `stamp` says this run did already; one worker at a time. */
function onceThisRun(stamp: string, build: () => void): Promise<void> {
  const run = inject("runId");
  return underRunLock(stamp, () => {
    if (existsSync(stamp) && readFileSync(stamp, "utf8") === run) return;
    build();
    writeFileSync(stamp, run);
  });
}
