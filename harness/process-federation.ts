import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import { isListening } from "../platform/cluster";
import { saysPortInUse } from "../platform/http";
import { freePort } from "../scripts/embedded-postgres";
import { projectPath } from "../platform/paths";
import { subgraphs } from "../services";
import { type KeptProcess, readyAt, spawnKept, stopAll } from "./processes";

export interface ServiceProcessOptions {
  databaseUrl: string;
  /** node:cluster workers per service (`WORKERS`). */
  workers: number;
  poolSize: number;
  /** IDENTITY_SECRET of every process; a random one when omitted. */
  identitySecret?: string;
  /** Seconds; 0 turns the gateway's response cache off. */
  responseCacheMaxAge: number;
  /** `NODE_OPTIONS` of every process (e.g. GC settings). */
  nodeOptions?: string;
  /** Node.js options per service ("gateway" or a subgraph's name), e.g. `["--cpu-prof"]`. */
  nodeArgs?: Record<string, string[]>;
  /** The compiled tree to run: this checkout's dist/ by default (another build for an A/B). */
  dist?: string;
}

export interface ServiceProcesses {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** The environment every process shares, for one more process beside them (a peer gateway). */
  env: Record<string, string | undefined>;
  /** Process ids: our gateway's and the subgraphs' (for CPU accounting). */
  pids: { gateway: number; subgraphs: number[] };
  processes: KeptProcess[];
  stop(): Promise<void>;
}

/** What every benchmarked process runs with, as deployed, whatever else it is given. */
export function deployedEnv(options: { nodeOptions?: string; workers: number }) {
  return {
    PATH: process.env.PATH,
    // As deployed (docker-compose.yml): graphql-js also skips its development-only checks.
    NODE_ENV: "production",
    NODE_OPTIONS: options.nodeOptions,
    HOST: "127.0.0.1",
    WORKERS: String(options.workers),
    LOG_LEVEL: "warn",
  };
}

/**
 * Whether the services built in `dist` say when they listen (platform/cluster.ts, since
 * 0b2228f). A build from before, run for an A/B (`npm run bench -- --variant`), never says so:
 * its readiness is its health URL alone, as it was then.
 */
export function announcesListening(dist: string): boolean {
  try {
    const load = createRequire(__filename);
    const cluster = load(join(dist, "platform", "cluster.js")) as { LISTENING?: unknown };
    return isListening(cluster.LISTENING);
  } catch {
    return false;
  }
}

/**
 * The federation as it is deployed: each subgraph and the gateway its own process (with
 * `workers` cluster workers), so that they use every core instead of sharing one event loop.
 * Runs the compiled entry points in dist/ (`npm run build:server`) over a prepared database.
 */
export async function startServiceProcesses(
  options: ServiceProcessOptions,
): Promise<ServiceProcesses> {
  const processes: KeptProcess[] = [];
  const stop = () => stopAll(processes);
  const env = {
    ...deployedEnv(options),
    DATABASE_URL: options.databaseUrl,
    DB_POOL_SIZE: String(options.poolSize),
    DB_STATEMENT_TIMEOUT_MS: "60000",
    IDENTITY_SECRET: options.identitySecret ?? randomBytes(32).toString("base64url"),
  };
  const pids = { gateway: 0, subgraphs: [] as number[] };
  const dist = options.dist ?? projectPath("dist");
  const ipc = announcesListening(dist);
  const start = async (
    service: string,
    script: string,
    serviceEnv: Record<string, string>,
    attempts = 3,
  ): Promise<string> => {
    const port = await freePort();
    const started = spawnKept(
      script,
      { ...env, ...serviceEnv, PORT: String(port) },
      { nodeArgs: options.nodeArgs?.[service], inherit: false, ipc },
    );
    processes.push(started);
    try {
      await readyAt(started, `http://127.0.0.1:${port}/health/ready`);
    } catch (error) {
      // Free when picked, taken by another test's server before the service listened.
      if (attempts > 1 && saysPortInUse(started.output())) {
        processes.splice(processes.indexOf(started), 1);
        return start(service, script, serviceEnv, attempts - 1);
      }
      throw error;
    }
    if (service === "gateway") pids.gateway = started.child.pid!;
    else pids.subgraphs.push(started.child.pid!);
    return `http://127.0.0.1:${port}/`;
  };
  try {
    const subgraphUrls: Record<string, string> = {};
    await Promise.all(
      subgraphs.map(async ({ definition: { name } }) => {
        subgraphUrls[name] = await start(name, join(dist, "services", name, "main.js"), {
          MIGRATE_ON_START: "false",
        });
      }),
    );
    const gatewayUrl = await start("gateway", join(dist, "gateway", "main.js"), {
      GOVERNMENTS_URL: subgraphUrls.governments,
      INCIDENTS_URL: subgraphUrls.incidents,
      LEGAL_ACTIONS_URL: subgraphUrls["legal-actions"],
      INTROSPECTION: "false",
      RATE_LIMIT_PER_MINUTE: "1000000000",
      RESPONSE_CACHE_MAX_AGE: String(options.responseCacheMaxAge),
    });
    return { gatewayUrl, subgraphUrls, env, pids, processes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
