// First: tracing instruments http and pg as they load.
import { tracingShutdown } from "../services/common/tracing";
import { readFileSync } from "node:fs";
import { databaseConfigFromEnv } from "../services/common/config";
import {
  ConfigError,
  getEnvBool,
  getEnvPort,
  getEnvSecret,
  getEnvStr,
  getEnvUrl,
} from "../services/common/env";
import { KeyStore } from "./access/keys";
import { SUPERGRAPH_PATH } from "./federation";
import { startGateway } from "./gateway";
import { limitsFromEnv } from "./limits";

/** Entry point of a gateway process in front of separately running subgraphs. */
async function main() {
  const env = process.env;
  const identitySecret = getEnvSecret(env, "IDENTITY_SECRET");
  if (!identitySecret) {
    throw new ConfigError(
      "IDENTITY_SECRET is required (the same value on the gateway and subgraphs)",
    );
  }
  const keys = await KeyStore.open(databaseConfigFromEnv(env), {
    migrateSchema: getEnvBool(env, "MIGRATE_ON_START", true),
  });
  const firstAdmin = await keys.ensureAdmin();
  if (firstAdmin) console.log(`first admin API key (shown once, keep it safe): ${firstAdmin}`);
  const gateway = await startGateway({
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
    limits: limitsFromEnv(env),
    identitySecret,
    keys,
  });
  console.log(`gateway ready at ${gateway.url}`);
  const stop = () =>
    void gateway
      .stop()
      .then(() => keys.close())
      .then(tracingShutdown)
      .then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
