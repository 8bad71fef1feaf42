// First: tracing instruments http and pg as they load.
import { tracingShutdown } from "../../platform/tracing";
import "reflect-metadata";
import { subgraphConfigFromEnv } from "./config";
import { ConfigError, getEnvBool } from "../../platform/env";
import { connectRedis, redisUrlFromEnv } from "../../platform/redis";
import { readBundles, seedIfEmpty } from "../dataset";
import {
  type SubgraphConfig,
  type SubgraphDefinition,
  startSubgraph,
  withSubgraphDatabase,
} from "./subgraph";
import cluster from "node:cluster";
import { runWorkers, workersFromEnv } from "../../platform/cluster";

/** Entry point of one subgraph process: reads the environment, listens, stops on SIGTERM. */
export async function runSubgraph<L>(definition: SubgraphDefinition<L>, defaultPort: number) {
  // Run by `npm start` (scripts/supervisor.ts): stop when the supervisor is gone, however it went.
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
  let config: SubgraphConfig;
  let workers: number;
  let seed: boolean;
  let redisUrl: string | undefined;
  try {
    config = subgraphConfigFromEnv(process.env, defaultPort);
    redisUrl = redisUrlFromEnv(process.env);
    seed = getEnvBool(process.env, "SEED_ON_START", false);
    workers = workersFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${definition.name}: configuration error: ${error.message}`);
    process.exit(2);
  }
  await runWorkers({
    workers,
    async prepare() {
      if (!config.migrate && !seed) return;
      await withSubgraphDatabase(definition, config.database, config, async (db) => {
        if (seed) await seedIfEmpty(definition, db, await readBundles(), console.log);
      });
    },
    serve: () =>
      serveSubgraph(definition, {
        ...config,
        migrate: false,
        redis: redisUrl ? connectRedis(redisUrl, definition.name) : undefined,
      }),
  });
}

async function serveSubgraph<L>(definition: SubgraphDefinition<L>, config: SubgraphConfig) {
  const subgraph = await startSubgraph(definition, config);
  if (!cluster.isWorker || cluster.worker?.id === 1) {
    console.log(`${definition.name} subgraph ready at ${subgraph.url}`);
  }
  const stop = () =>
    void subgraph
      .stop()
      .then(() => config.redis?.quit().catch(() => undefined))
      .then(tracingShutdown)
      .then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
