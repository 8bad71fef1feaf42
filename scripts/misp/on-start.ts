import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { Client } from "pg";
import type { Env } from "../../platform/env";
import { projectPath } from "../../platform/paths";

/** A database no service has migrated yet: `npm start` is starting the project for the first time. */
export async function isFirstStart(databaseUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ fresh: boolean }>(
      "SELECT to_regclass('incidents.threat_actor') IS NULL AS fresh",
    );
    return rows[0].fresh;
  } finally {
    await client.end();
  }
}

export interface GalaxyLoad {
  /** Resolves once the connector has exited (true when it succeeded). */
  done: Promise<boolean>;
  /** Ends the connector if it still runs (npm start is stopping). */
  kill(): void;
}

const PREFIX = "misp-galaxy   | ";

/**
 * The shipped MISP galaxy, loaded through the gateway once it is ready (first-start.ts, the
 * connector `npm run import:misp` runs) in a child process: the gateway answers meanwhile
 * (~20 s for 1,041 actors), and this process loads no database or schema code.
 */
export function loadGalaxyInBackground(
  env: Env,
  gatewayUrl: string,
  log: (line: string) => void,
): GalaxyLoad {
  return loadInBackground(env, gatewayUrl, log, {
    script: ["scripts", "misp", "first-start.js"],
    prefix: PREFIX,
    what: "the MISP galaxy's threat actors",
    command: "npm run import:misp",
  });
}

/** A first-start load: a script of dist/ run with the gateway's URL, its lines prefixed. */
export function loadInBackground(
  env: Env,
  gatewayUrl: string,
  log: (line: string) => void,
  load: { script: string[]; prefix: string; what: string; command: string },
): GalaxyLoad {
  const { prefix } = load;
  log(`${prefix}loading ${load.what}; the gateway answers meanwhile`);
  const child = spawn(process.execPath, [projectPath("dist", ...load.script), gatewayUrl], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const [input, output] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    createInterface({ input, crlfDelay: Infinity }).on("line", (line) =>
      output.write(`${prefix}${line}\n`),
    );
  }
  const done = new Promise<boolean>((resolve) => {
    child.once("error", (error) => {
      log(`${prefix}${error.message}`);
      resolve(false);
    });
    child.once("exit", (code, signal) => {
      if (code !== 0) {
        log(
          `${prefix}the load stopped (${signal ?? `code ${code}`}); \`${load.command}\` finishes it (it writes only what is missing)`,
        );
      }
      resolve(code === 0);
    });
  });
  return {
    done,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    },
  };
}
