// First: tracing instruments http and pg as they load.
import { tracingShutdown } from "../platform/tracing";
// Next: type-graphql and TypeORM decorators read it as their modules load.
import "reflect-metadata";
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { clusterCacheInvalidation, runWorkers, workersFromEnv } from "../platform/cluster";
import {
  databaseConfigFromEnv,
  metricsOperationsFromEnv,
  metricsTokenFromEnv,
} from "../platform/config";
import type { DatabaseConfig } from "../platform/database";
import {
  ConfigError,
  getEnvBool,
  getEnvPort,
  getEnvSecret,
  getEnvStr,
  getEnvUrl,
} from "../platform/env";
import { connectRedis, redisUrlFromEnv } from "../platform/redis";
import { KeyStore } from "./access/keys";
// Not from ./federation, which loads every subgraph's code into the gateway process.
import { SUPERGRAPH_PATH } from "./supergraph";
import { type GatewayConfig, startGateway } from "./gateway";
import { limitsFromEnv } from "./limits";
import { responseCacheFromEnv } from "./response-cache";

/** Entry point of a gateway process in front of separately running subgraphs. */
async function main() {
  // Run by `npm start` (scripts/supervisor.ts): stop when the supervisor is gone, however it went.
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
  const env = process.env;
  const identitySecret = getEnvSecret(env, "IDENTITY_SECRET");
  if (!identitySecret) {
    throw new ConfigError(
      "IDENTITY_SECRET is required (the same value on the gateway and subgraphs)",
    );
  }
  const database = databaseConfigFromEnv(env);
  const redisUrl = redisUrlFromEnv(env);
  // Read before forking: a bad value stops the primary instead of every worker in turn.
  const config: Omit<GatewayConfig, "keys"> = {
    host: getEnvStr(env, "HOST", "127.0.0.1") as string,
    port: getEnvPort(env, "PORT", 4000),
    supergraphSdl: readFileSync(
      getEnvStr(env, "SUPERGRAPH_PATH", SUPERGRAPH_PATH) as string,
      "utf8",
    ),
    subgraphUrls: {
      governments: getEnvUrl(env, "GOVERNMENTS_URL", ["http:", "https:"]),
      incidents: getEnvUrl(env, "INCIDENTS_URL", ["http:", "https:"]),
      "legal-actions": getEnvUrl(env, "LEGAL_ACTIONS_URL", ["http:", "https:"]),
    },
    introspection: getEnvBool(env, "INTROSPECTION", env.NODE_ENV !== "production"),
    anonymousReads: getEnvBool(env, "ANONYMOUS_READS", true),
    production: env.NODE_ENV === "production",
    metricsToken: metricsTokenFromEnv(env),
    metricsOperations: metricsOperationsFromEnv(env),
    limits: limitsFromEnv(env),
    responseCache: responseCacheFromEnv(env),
    identitySecret,
  };
  await runWorkers({
    workers: workersFromEnv(env),
    async prepare() {
      const keys = await KeyStore.open(database, {
        migrateSchema: getEnvBool(env, "MIGRATE_ON_START", true),
      });
      const firstAdmin = await keys.ensureAdmin();
      if (firstAdmin) console.log(`first admin API key (shown once, keep it safe): ${firstAdmin}`);
      await keys.close();
    },
    serve: () => serveGateway(config, database, redisUrl),
  });
}

async function serveGateway(
  config: Omit<GatewayConfig, "keys">,
  database: DatabaseConfig,
  redisUrl: string | undefined,
) {
  const keys = await KeyStore.open(database, { migrateSchema: false });
  const redis = redisUrl ? connectRedis(redisUrl, "gateway") : undefined;
  const gateway = await startGateway({
    ...config,
    keys,
    redis,
    // With Redis every worker and replica shares one cache; without, workers relay the drop.
    cacheInvalidation: redis ? undefined : clusterCacheInvalidation(),
  });
  if (!cluster.isWorker || cluster.worker?.id === 1) console.log(`gateway ready at ${gateway.url}`);
  const stop = () =>
    void gateway
      .stop()
      .then(() => keys.close())
      .then(() => redis?.quit().catch(() => undefined))
      .then(tracingShutdown)
      .then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
