// First: tracing instruments http and pg as they load.
import { tracingShutdown } from "./tracing";
import "reflect-metadata";
import { subgraphConfigFromEnv } from "./config";
import { ConfigError, getEnvBool } from "./env";
import { readBundles, seedIfEmpty } from "../dataset";
import { type SubgraphConfig, type SubgraphDefinition, startSubgraph } from "./subgraph";
import cluster from "node:cluster";
import { runWorkers, workersFromEnv } from "./cluster";
import { createDataSource, migrate } from "./database";

/** Entry point of one subgraph process: reads the environment, listens, stops on SIGTERM. */
export async function runSubgraph<L>(definition: SubgraphDefinition<L>, defaultPort: number) {
  let config;
  try {
    config = subgraphConfigFromEnv(process.env, defaultPort);
    getEnvBool(process.env, "SEED_ON_START", false);
    workersFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${definition.name}: configuration error: ${error.message}`);
    process.exit(2);
  }
  const settings = config;
  await runWorkers({
    workers: workersFromEnv(process.env),
    async prepare() {
      const dataSource = createDataSource(settings.database, {
        schema: definition.dbSchema,
        entities: definition.entities,
        migrations: definition.migrations,
      });
      await dataSource.initialize();
      try {
        if (settings.migrate) await migrate(dataSource, definition.dbSchema);
        if (getEnvBool(process.env, "SEED_ON_START", false)) {
          await seedIfEmpty(definition, dataSource, await readBundles(), console.log);
        }
      } finally {
        await dataSource.destroy();
      }
    },
    serve: () => serveSubgraph(definition, { ...settings, migrate: false }),
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
      .then(tracingShutdown)
      .then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
