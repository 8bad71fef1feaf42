// First: tracing instruments http and pg as they load.
import { tracingShutdown } from "./tracing";
import "reflect-metadata";
import { subgraphConfigFromEnv } from "./config";
import { ConfigError, getEnvBool } from "./env";
import { readBundles, seedIfEmpty } from "../dataset";
import { type SubgraphDefinition, startSubgraph } from "./subgraph";

/** Entry point of one subgraph process: reads the environment, listens, stops on SIGTERM. */
export async function runSubgraph<L>(definition: SubgraphDefinition<L>, defaultPort: number) {
  let config;
  try {
    config = subgraphConfigFromEnv(process.env, defaultPort);
    getEnvBool(process.env, "SEED_ON_START", false);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${definition.name}: configuration error: ${error.message}`);
    process.exit(2);
  }
  const subgraph = await startSubgraph(definition, config);
  if (getEnvBool(process.env, "SEED_ON_START", false)) {
    await seedIfEmpty(definition, subgraph.dataSource, await readBundles(), console.log);
  }
  console.log(`${definition.name} subgraph ready at ${subgraph.url}`);
  const stop = () =>
    void subgraph
      .stop()
      .then(tracingShutdown)
      .then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
