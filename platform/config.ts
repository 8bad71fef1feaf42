import { ConfigError, type Env, getEnvInt, getEnvSecret, getEnvStr, getEnvUrl } from "./env";
import type { DatabaseConfig } from "./database";

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
