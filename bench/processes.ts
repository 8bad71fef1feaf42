import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../services/common/embedded-postgres";
import { projectPath } from "../services/common/paths";
import { subgraphs } from "../services";
import { newIdentitySecret } from "./identity";
import { withSubgraphUrls } from "./peer";

export interface ProcessOptions {
  databaseUrl: string;
  /** node:cluster workers per service (`WORKERS`), the same for both gateways. */
  workers: number;
  poolSize: number;
  /**
   * IDENTITY_SECRET of every process: the subgraphs check our gateway's and the peer's
   * signatures with it. The benchmarks pass theirs (one per run); made here when omitted.
   */
  identitySecret?: string;
  /** Seconds; 0 turns our gateway's response cache off. */
  responseCacheMaxAge: number;
  /** Also start Hive Gateway over the same subgraphs. */
  peer: boolean;
  supergraphSdl: string;
  /** `NODE_OPTIONS` of every process, ours and the peer's alike (e.g. GC settings). */
  nodeOptions?: string;
  /** Node.js options per service ("gateway" or a subgraph's name), e.g. `["--cpu-prof"]`. */
  nodeArgs?: Record<string, string[]>;
}

export interface ProcessFederation {
  gatewayUrl: string;
  peerUrl?: string;
  subgraphUrls: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The federation as it is deployed: each subgraph and each gateway its own process (with
 * `workers` cluster workers), so that they use every core instead of sharing one event loop.
 * Runs the compiled entry points in dist/ (`npm run build`).
 */
export async function startProcessFederation(options: ProcessOptions): Promise<ProcessFederation> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGTERM");
        await once(child, "exit");
      }),
    );
  };
  const common = {
    PATH: process.env.PATH,
    // As deployed (docker-compose.yml): graphql-js also skips its development-only checks.
    NODE_ENV: "production",
    NODE_OPTIONS: options.nodeOptions,
    HOST: "127.0.0.1",
    WORKERS: String(options.workers),
    LOG_LEVEL: "warn",
    DATABASE_URL: options.databaseUrl,
    DB_POOL_SIZE: String(options.poolSize),
    DB_STATEMENT_TIMEOUT_MS: "60000",
    IDENTITY_SECRET: options.identitySecret ?? newIdentitySecret(),
  };
  try {
    const subgraphUrls: Record<string, string> = {};
    await Promise.all(
      subgraphs.map(async ({ definition }) => {
        const port = await freePort();
        children.push(
          await startProcess(
            projectPath("dist", "services", definition.name, "main.js"),
            { ...common, PORT: String(port), MIGRATE_ON_START: "false" },
            `http://127.0.0.1:${port}/health/ready`,
            options.nodeArgs?.[definition.name],
          ),
        );
        subgraphUrls[definition.name] = `http://127.0.0.1:${port}/`;
      }),
    );
    const gatewayPort = await freePort();
    children.push(
      await startProcess(
        projectPath("dist", "gateway", "main.js"),
        {
          ...common,
          PORT: String(gatewayPort),
          GOVERNMENTS_URL: subgraphUrls.governments,
          INCIDENTS_URL: subgraphUrls.incidents,
          LEGAL_ACTIONS_URL: subgraphUrls["legal-actions"],
          INTROSPECTION: "false",
          RATE_LIMIT_PER_MINUTE: "1000000000",
          RESPONSE_CACHE_MAX_AGE: String(options.responseCacheMaxAge),
        },
        `http://127.0.0.1:${gatewayPort}/health/ready`,
        options.nodeArgs?.gateway,
      ),
    );
    let peerUrl: string | undefined;
    if (options.peer) {
      const peerPort = await freePort();
      const supergraphPath = join(tmpdir(), `bench-supergraph-${process.pid}.graphql`);
      await writeFile(supergraphPath, withSubgraphUrls(options.supergraphSdl, subgraphUrls));
      children.push(
        await startProcess(
          projectPath("dist", "bench", "peer-main.js"),
          { ...common, PORT: String(peerPort), SUPERGRAPH_PATH: supergraphPath },
          `http://127.0.0.1:${peerPort}/healthcheck`,
        ),
      );
      peerUrl = `http://127.0.0.1:${peerPort}/graphql`;
    }
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/`,
      peerUrl,
      subgraphUrls,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Spawns `script` and waits until `readyUrl` answers 200 (60 s at most). */
async function startProcess(
  script: string,
  env: Record<string, string | undefined>,
  readyUrl: string,
  nodeArgs: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) {
      throw new Error(`${script} exited with ${child.exitCode}: ${errors}`);
    }
    const ok = await fetch(readyUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`${script} was not ready at ${readyUrl} within 60 s: ${errors}`);
}
