import {
  ConfigError,
  type Env,
  getEnvBool,
  getEnvInt,
  getEnvPort,
  getEnvSecret,
  getEnvStr,
  getEnvUrl,
} from "./env";
import { DEFAULT_MAX_RESPONSE_NODES } from "./budget";
import { DEFAULT_MAX_COST } from "./cost";
import { DEFAULT_MAX_DEPTH } from "./limits";
import type { DatabaseConfig } from "./database";
import { DEFAULT_CACHE_MAX_AGE_SECONDS, type SubgraphConfig } from "./subgraph";

export function databaseConfigFromEnv(env: Env, url?: string): DatabaseConfig {
  const databaseUrl = url ?? getEnvUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"]);
  if (!databaseUrl)
    throw new ConfigError("DATABASE_URL is required, e.g. postgres://user@host:5432/db");
  return {
    url: databaseUrl,
    poolSize: getEnvInt(env, "DB_POOL_SIZE", 10, { min: 2, max: 1000 }),
    statementTimeoutMs: getEnvInt(env, "DB_STATEMENT_TIMEOUT_MS", 10_000, { min: 0 }),
    connectTimeoutMs: getEnvInt(env, "DB_CONNECT_TIMEOUT_MS", 5_000, { min: 0 }),
  };
}

/** METRICS_OPERATIONS: comma-separated operation names metrics may label (`other` else). */
export function metricsOperationsFromEnv(env: Env): string[] {
  const names = (getEnvStr(env, "METRICS_OPERATIONS", "") as string)
    .split(",")
    .map((n) => n.trim());
  for (const name of names.filter(Boolean)) {
    if (!/^[A-Za-z_]\w{0,63}$/.test(name)) {
      throw new ConfigError(`METRICS_OPERATIONS: "${name.slice(0, 80)}" is not an operation name`);
    }
  }
  return names.filter(Boolean);
}

/** METRICS_TOKEN, or in production without it null: /metrics is then not served. */
export function metricsTokenFromEnv(env: Env): string | null | undefined {
  return getEnvSecret(env, "METRICS_TOKEN") ?? (env.NODE_ENV === "production" ? null : undefined);
}

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
