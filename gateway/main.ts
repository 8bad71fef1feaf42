import "../platform/compile-cache";
// Then tracing: it instruments http, undici and pg as they load, so it starts before anything
// imports them (this file is CommonJS: its statements run in order, imports included).
import { tracingConfigFromEnv } from "../platform/config";
import { startTracing } from "../platform/tracing";
const stopTracing = startTracing(tracingConfigFromEnv(process.env));
// Next: type-graphql and TypeORM decorators read it as their modules load.
import "reflect-metadata";
import cluster from "node:cluster";
import { clusterCacheInvalidation, runWorkers } from "../platform/cluster";
import { ConfigError } from "../platform/env";
import { connectRedis } from "../platform/redis";
import { KeyStore } from "./access/keys";
import { type GatewayProcessConfig, gatewayConfigFromEnv } from "./config";
import { startGateway } from "./gateway";

/** Entry point of a gateway process in front of separately running subgraphs. */
async function main() {
  // Run by `npm start` (scripts/supervisor.ts): stop when the supervisor is gone, however it went.
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
  // Apollo's gateway reports anonymous usage unless told otherwise; users opt in, not out.
  process.env.APOLLO_TELEMETRY_DISABLED ??= "1";
  // Read before forking: a bad value stops the primary instead of every worker in turn.
  const config = gatewayConfigFromEnv(process.env);
  await runWorkers({
    workers: config.workers,
    async prepare() {
      const keys = await KeyStore.open(config.database, { migrateSchema: config.migrate });
      const firstAdmin = await keys.ensureAdmin();
      if (firstAdmin) console.log(`first admin API key (shown once, keep it safe): ${firstAdmin}`);
      await keys.close();
    },
    serve: () => serveGateway(config),
  });
}

async function serveGateway(config: GatewayProcessConfig) {
  const keys = await KeyStore.open(config.database, { migrateSchema: false });
  const redis = config.redisServer ? connectRedis(config.redisServer, "gateway") : undefined;
  const gateway = await startGateway({
    ...config,
    keys,
    redis,
    // With Redis every worker and replica shares one cache; without, workers relay the drop.
    cacheInvalidation: redis ? undefined : clusterCacheInvalidation(),
  });
  if (!cluster.isWorker || cluster.worker?.id === 1) {
    const reached = gateway.publicUrl === gateway.url ? "" : ` (public URL ${gateway.publicUrl})`;
    console.log(`gateway ready at ${gateway.url}${reached}`);
  }
  const stop = () =>
    void gateway
      .stop()
      .then(() => keys.close())
      .then(() => redis?.quit())
      .then(stopTracing)
      .then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
