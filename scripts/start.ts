// First: tracing instruments http and pg as they load.
import { tracingShutdown } from "../services/common/tracing";
// Next: type-graphql and TypeORM decorators read it as their modules load.
import "reflect-metadata";
import { localDatabase } from "./local-database";
import { databaseConfigFromEnv, maxResponseNodesFromEnv } from "../services/common/config";
import { ConfigError, getEnvBool, getEnvPort, getEnvStr, redact } from "../services/common/env";
import { startFederation } from "../gateway/federation";
import { limitsFromEnv } from "../gateway/limits";
import { responseCacheFromEnv } from "../gateway/response-cache";

/** `npm start`: the whole federation on an embedded PostgreSQL (or DATABASE_URL), seeded. */
async function main() {
  const env = process.env;
  const production = env.NODE_ENV === "production";
  const host = getEnvStr(env, "HOST", "127.0.0.1") as string;
  const gatewayPort = getEnvPort(env, "GATEWAY_PORT", 4000);
  const subgraphPorts = {
    governments: getEnvPort(env, "GOVERNMENTS_PORT", 4001),
    incidents: getEnvPort(env, "INCIDENTS_PORT", 4002),
    "legal-actions": getEnvPort(env, "LEGAL_ACTIONS_PORT", 4003),
  };
  const introspection = getEnvBool(env, "INTROSPECTION", !production);
  if (!env.DATABASE_URL) console.log("starting embedded PostgreSQL (data in .data/postgres)");
  const database = await localDatabase(env);
  const url = database.url;
  console.log(`database: ${redact(url)}`);
  const federation = await startFederation({
    database: databaseConfigFromEnv(env, url),
    host,
    gatewayPort,
    subgraphPorts,
    migrate: getEnvBool(env, "MIGRATE_ON_START", true),
    seed: getEnvBool(env, "SEED_ON_START", true),
    introspection,
    limits: limitsFromEnv(env),
    responseCache: responseCacheFromEnv(env),
    anonymousReads: getEnvBool(env, "ANONYMOUS_READS", true),
    maxResponseNodes: maxResponseNodesFromEnv(env),
    log: console.log,
  });
  if (federation.firstAdminToken) {
    console.log(`\nfirst admin API key (shown once, keep it safe): ${federation.firstAdminToken}`);
  }
  console.log(`\nattribution-graph gateway ready at ${federation.gatewayUrl}`);
  if (introspection) console.log("open it in a browser for Apollo Sandbox\n");
  const shutdown = async () => {
    console.log("stopping...");
    await federation.stop();
    await database.stop();
    await tracingShutdown();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`configuration error: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
