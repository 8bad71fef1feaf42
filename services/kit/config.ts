import {
  ConfigError,
  type Env,
  getEnvBool,
  getEnvInt,
  getEnvPort,
  getEnvSecret,
  getEnvStr,
} from "../../platform/env";
import {
  databaseConfigFromEnv,
  metricsOperationsFromEnv,
  metricsTokenFromEnv,
} from "../../platform/config";
import { DEFAULT_MAX_COST } from "../../platform/cost";
import { DEFAULT_MAX_DEPTH } from "../../platform/limits";
import { DEFAULT_MAX_RESPONSE_NODES } from "./budget";
import { DEFAULT_CACHE_MAX_AGE_SECONDS, type SubgraphConfig } from "./subgraph";

export function maxResponseNodesFromEnv(env: Env): number {
  return getEnvInt(env, "MAX_RESPONSE_NODES", DEFAULT_MAX_RESPONSE_NODES, { min: 100 });
}

export function subgraphConfigFromEnv(env: Env, defaultPort: number): SubgraphConfig {
  const config = {
    host: getEnvStr(env, "HOST", "127.0.0.1") as string,
    port: getEnvPort(env, "PORT", defaultPort),
    migrate: getEnvBool(env, "MIGRATE_ON_START", true),
    database: databaseConfigFromEnv(env),
    maxResponseNodes: maxResponseNodesFromEnv(env),
    maxCost: getEnvInt(env, "MAX_COST", DEFAULT_MAX_COST, { min: 1 }),
    maxDepth: getEnvInt(env, "MAX_DEPTH", DEFAULT_MAX_DEPTH, { min: 1 }),
    production: env.NODE_ENV === "production",
    metricsToken: metricsTokenFromEnv(env),
    metricsOperations: metricsOperationsFromEnv(env),
    cacheMaxAgeSeconds: getEnvInt(env, "CACHE_MAX_AGE", DEFAULT_CACHE_MAX_AGE_SECONDS, {
      min: 0,
      max: 86_400,
    }),
  };
  const identitySecret = getEnvSecret(env, "IDENTITY_SECRET");
  if (!identitySecret) {
    throw new ConfigError(
      "IDENTITY_SECRET is required (the same value on the gateway and subgraphs): a subgraph answers only requests the gateway signed with it",
    );
  }
  return { ...config, identitySecret };
}
