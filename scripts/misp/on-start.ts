import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { Client } from "pg";
import type { Env } from "../../platform/env";
import { projectPath } from "../../platform/paths";

/** The galaxy load's name in the table of completed loads. */
export const GALAXY_LOAD = "misp-galaxy";

/**
 * One row per load `npm start` runs in the background, written when it ran to its end: a load
 * interrupted (Ctrl-C, a crash) has none, and the next start runs it again (it writes only
 * what is missing). In the gateway's schema, which the gateway's role owns.
 */
const COMPLETED_LOADS = "access.completed_loads";

async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the load `name` ran to its end on this database. */
export function loadCompleted(databaseUrl: string, name: string): Promise<boolean> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ present: boolean }>(
      `SELECT to_regclass('${COMPLETED_LOADS}') IS NOT NULL AS present`,
    );
    if (!rows[0].present) return false;
    const done = await client.query(`SELECT 1 FROM ${COMPLETED_LOADS} WHERE name = $1`, [name]);
    return done.rowCount === 1;
  });
}

/** Remembers that the load `name` ran to its end (its last step). */
export function markLoadCompleted(databaseUrl: string, name: string): Promise<void> {
  return withClient(databaseUrl, async (client) => {
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${COMPLETED_LOADS} (name text PRIMARY KEY, completed_at timestamptz NOT NULL DEFAULT now())`,
    );
    await client.query(
      `INSERT INTO ${COMPLETED_LOADS} (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET completed_at = now()`,
      [name],
    );
  });
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
 * connector `npm run import:misp` runs) until one load completes, in a child process: the gateway answers meanwhile
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
          `${prefix}the load stopped (${signal ?? `code ${code}`}); the next npm start resumes it, or \`${load.command}\` now (it writes only what is missing)`,
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
