import { availableParallelism } from "node:os";
import {
  ConfigError,
  type Env,
  getEnvBool,
  getEnvInt,
  getEnvSecret,
  getEnvStr,
  getEnvUrl,
} from "./env";
import type { DatabaseConfig } from "./database";
import type { TracingConfig } from "./tracing";

/**
 * The settings every process kind reads alike; gateway/config.ts and services/kit/config.ts
 * build a whole process's configuration from them. Nothing heavy is imported here: main.ts
 * reads the tracing settings before http and pg load.
 */

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

/** NODE_ENV: `production` masks errors and closes introspection; `development` adds stacks. */
export function modeFromEnv(env: Env): { production: boolean; stackTraces: boolean } {
  return { production: env.NODE_ENV === "production", stackTraces: env.NODE_ENV === "development" };
}

/** LOG_LEVEL: pino's level (`info` by default). */
export function logLevelFromEnv(env: Env): string {
  return getEnvStr(env, "LOG_LEVEL", "info") as string;
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
  return getEnvSecret(env, "METRICS_TOKEN") ?? (modeFromEnv(env).production ? null : undefined);
}

/** LOG_LEVEL, METRICS_TOKEN and METRICS_OPERATIONS, read in that order. */
export function observabilityFromEnv(env: Env) {
  return {
    logLevel: logLevelFromEnv(env),
    metricsToken: metricsTokenFromEnv(env),
    metricsOperations: metricsOperationsFromEnv(env),
  };
}

/**
 * What the gateway and every subgraph read alike: the database, Redis, the mode, observability,
 * workers and MIGRATE_ON_START (each reads IDENTITY_SECRET itself, when its errors come).
 */
export function processConfigFromEnv(env: Env) {
  return {
    database: databaseConfigFromEnv(env),
    redisServer: redisConfigFromEnv(env),
    ...modeFromEnv(env),
    ...observabilityFromEnv(env),
    workers: workersFromEnv(env),
    migrate: getEnvBool(env, "MIGRATE_ON_START", true),
  };
}

/** IDENTITY_SECRET, required: the gateway signs requests with it, the subgraphs check them. */
export function identitySecretFromEnv(env: Env, why = ""): string {
  const identitySecret = getEnvSecret(env, "IDENTITY_SECRET");
  if (!identitySecret) {
    throw new ConfigError(
      `IDENTITY_SECRET is required (the same value on the gateway and subgraphs)${why}`,
    );
  }
  return identitySecret;
}

/** `WORKERS`: processes serving one port (node:cluster); "auto" is one per core. Default 1. */
export function workersFromEnv(env: Env): number {
  const value = getEnvStr(env, "WORKERS", "1") as string;
  if (value === "auto") return availableParallelism();
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) {
    throw new ConfigError(`WORKERS must be "auto" or an integer from 1 to 64, got "${value}"`);
  }
  return Number(value);
}

/** REDIS_URL, when replicas share state (`redis://host:6379/0`); unset: per process. */
export function redisUrlFromEnv(env: Env): string | undefined {
  return getEnvUrl(env, "REDIS_URL", ["redis:", "rediss:"]);
}

export interface RedisConfig {
  /** `redis://host:6379/0` (REDIS_URL). */
  url: string;
  /** Every command's deadline (REDIS_COMMAND_TIMEOUT_MS): past it, Redis counts as stalled. */
  commandTimeoutMs: number;
}

export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 250;

/** REDIS_URL and REDIS_COMMAND_TIMEOUT_MS (each command's deadline); undefined without Redis. */
export function redisConfigFromEnv(env: Env): RedisConfig | undefined {
  const url = redisUrlFromEnv(env);
  const commandTimeoutMs = getEnvInt(
    env,
    "REDIS_COMMAND_TIMEOUT_MS",
    DEFAULT_REDIS_COMMAND_TIMEOUT_MS,
    { min: 10, max: 60_000 },
  );
  return url ? { url, commandTimeoutMs } : undefined;
}

/**
 * OTEL_TRACING (off by default), OTEL_SERVICE_NAME, and OTEL_TRACES_EXPORTER=console to print
 * spans instead of sending them over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT, read by the
 * exporter itself).
 */
export function tracingConfigFromEnv(env: Env): TracingConfig {
  return {
    enabled: getEnvBool(env, "OTEL_TRACING", false),
    serviceName: env.OTEL_SERVICE_NAME ?? "attribution-graph",
    exporter: env.OTEL_TRACES_EXPORTER === "console" ? "console" : "otlp",
  };
}
