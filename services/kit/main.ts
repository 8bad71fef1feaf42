// First: tracing instruments http and pg as they load, so it starts before anything imports
// them (this file is CommonJS: its statements run in order, imports included). Every subgraph's
// main.ts imports this file first.
import { tracingConfigFromEnv } from "../../platform/config";
import { startTracing } from "../../platform/tracing";
const stopTracing = startTracing(tracingConfigFromEnv(process.env));
import "reflect-metadata";
import cluster from "node:cluster";
import { runWorkers } from "../../platform/cluster";
import { ConfigError } from "../../platform/env";
import { connectRedis } from "../../platform/redis";
import { readBundles, seedIfEmpty } from "../dataset";
import { type SubgraphProcessConfig, subgraphConfigFromEnv } from "./config";
import {
  type SubgraphConfig,
  type SubgraphDefinition,
  startSubgraph,
  withSubgraphDatabase,
} from "./subgraph";

/** Entry point of one subgraph process: reads the environment, listens, stops on SIGTERM. */
export async function runSubgraph<L>(definition: SubgraphDefinition<L>, defaultPort: number) {
  // Run by `npm start` (scripts/supervisor.ts): stop when the supervisor is gone, however it went.
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
  let config: SubgraphProcessConfig;
  try {
    config = subgraphConfigFromEnv(process.env, defaultPort);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${definition.name}: configuration error: ${error.message}`);
    process.exit(2);
  }
  await runWorkers({
    workers: config.workers,
    async prepare() {
      if (!config.migrate && !config.seed) return;
      await withSubgraphDatabase(definition, config.database, config, async (db) => {
        if (config.seed) await seedIfEmpty(definition, db, await readBundles(), console.log);
      });
    },
    serve: () =>
      serveSubgraph(definition, {
        ...config,
        migrate: false,
        redis: config.redisServer ? connectRedis(config.redisServer, definition.name) : undefined,
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
      .then(() => config.redis?.quit())
      .then(stopTracing)
      .then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
