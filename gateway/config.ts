import { readFileSync } from "node:fs";
import {
  databaseConfigFromEnv,
  logLevelFromEnv,
  metricsOperationsFromEnv,
  metricsTokenFromEnv,
  modeFromEnv,
  redisUrlFromEnv,
  workersFromEnv,
} from "../platform/config";
import type { DatabaseConfig } from "../platform/database";
import { type FieldSizes, readFieldSizes } from "../platform/field-sizes";
import {
  ConfigError,
  type Env,
  getEnvBool,
  getEnvInt,
  getEnvPort,
  getEnvSecret,
  getEnvStr,
  getEnvUrl,
} from "../platform/env";
import { DEFAULT_LIMITS, type Limits } from "./limits";
import { DEFAULT_RESPONSE_CACHE, type ResponseCacheConfig } from "./response-cache";
// The path alone: gateway/supergraph.ts loads no subgraph code into the gateway process.
import { FIELD_SIZES_PATH, SUPERGRAPH_PATH } from "./supergraph";

/** What startGateway is told (the objects it is handed are GatewayDeps, gateway.ts). */
export interface GatewaySettings {
  host: string;
  port: number;
  supergraphSdl: string;
  /** The longest value of each output field (schema/field-sizes.json), for the byte estimate. */
  fieldSizes: FieldSizes;
  /** Subgraph URLs by subgraph name, overriding the URLs recorded in the supergraph. */
  subgraphUrls: Record<string, string | undefined>;
  /** Introspection, the Apollo Sandbox landing page and GraphiQL at /graphiql. */
  introspection: boolean;
  /** The web build served at /app/ and /graphiql (default: dist/web, see web-routes.ts). */
  webRoot?: string;
  /** Masks internal error messages (the request id stays). */
  production: boolean;
  /** Error answers carry stack traces (NODE_ENV=development). */
  stackTraces?: boolean;
  /** pino's level (default info). */
  logLevel?: string;
  /**
   * `/metrics` needs `Authorization: Bearer <token>` when set; in production without a token it
   * is not served (undefined: open, for development).
   */
  metricsToken?: string | null;
  /** Operation names metrics may label, besides KNOWN_OPERATIONS (METRICS_OPERATIONS). */
  metricsOperations?: string[];
  /** Whether requests without a key may read. */
  anonymousReads: boolean;
  /** Shared with the subgraphs, which accept writes only with an identity signed by it. */
  identitySecret: string;
  limits?: Partial<Limits>;
  /** Anonymous reads answered from memory (default DEFAULT_RESPONSE_CACHE); false: never. */
  responseCache?: ResponseCacheConfig | false;
}

/**
 * Every setting of a gateway process, read once by gateway/main.ts. Tracing aside: main.ts
 * reads and starts it first (platform/config.ts), before http loads.
 */
export interface GatewayProcessConfig extends GatewaySettings {
  /** The API key store. */
  database: DatabaseConfig;
  /**
   * State shared by every replica (REDIS_URL): rate-limit counters, the response cache and its
   * invalidation, persisted queries. Without it each process keeps its own.
   */
  redisUrl?: string;
  workers: number;
  /** Apply the key store's pending migrations before the workers start. */
  migrate: boolean;
}

const HTTP = ["http:", "https:"];

export function gatewayConfigFromEnv(env: Env): GatewayProcessConfig {
  const identitySecret = getEnvSecret(env, "IDENTITY_SECRET");
  if (!identitySecret) {
    throw new ConfigError(
      "IDENTITY_SECRET is required (the same value on the gateway and subgraphs)",
    );
  }
  const database = databaseConfigFromEnv(env);
  const redisUrl = redisUrlFromEnv(env);
  const { production, stackTraces } = modeFromEnv(env);
  return {
    host: getEnvStr(env, "HOST", "127.0.0.1") as string,
    port: getEnvPort(env, "PORT", 4000),
    supergraphSdl: readFileSync(
      getEnvStr(env, "SUPERGRAPH_PATH", SUPERGRAPH_PATH) as string,
      "utf8",
    ),
    fieldSizes: readFieldSizes(getEnvStr(env, "FIELD_SIZES_PATH", FIELD_SIZES_PATH) as string),
    subgraphUrls: {
      governments: getEnvUrl(env, "GOVERNMENTS_URL", HTTP),
      incidents: getEnvUrl(env, "INCIDENTS_URL", HTTP),
      "legal-actions": getEnvUrl(env, "LEGAL_ACTIONS_URL", HTTP),
    },
    introspection: getEnvBool(env, "INTROSPECTION", !production),
    anonymousReads: getEnvBool(env, "ANONYMOUS_READS", true),
    production,
    stackTraces,
    logLevel: logLevelFromEnv(env),
    metricsToken: metricsTokenFromEnv(env),
    metricsOperations: metricsOperationsFromEnv(env),
    limits: limitsFromEnv(env),
    responseCache: responseCacheFromEnv(env),
    identitySecret,
    database,
    redisUrl,
    workers: workersFromEnv(env),
    migrate: getEnvBool(env, "MIGRATE_ON_START", true),
  };
}

export function limitsFromEnv(env: Env): Limits {
  const int = (name: string, fallback: number, min = 1) => getEnvInt(env, name, fallback, { min });
  return {
    maxDepth: int("MAX_DEPTH", DEFAULT_LIMITS.maxDepth),
    maxAliases: int("MAX_ALIASES", DEFAULT_LIMITS.maxAliases, 0),
    maxRootFields: int("MAX_ROOT_FIELDS", DEFAULT_LIMITS.maxRootFields),
    maxTokens: int("MAX_TOKENS", DEFAULT_LIMITS.maxTokens),
    maxDirectives: int("MAX_DIRECTIVES", DEFAULT_LIMITS.maxDirectives, 0),
    maxCost: int("MAX_COST", DEFAULT_LIMITS.maxCost),
    maxBodyBytes: int("MAX_BODY_BYTES", DEFAULT_LIMITS.maxBodyBytes, 1024),
    maxResponseBytes: int("MAX_RESPONSE_BYTES", DEFAULT_LIMITS.maxResponseBytes, 1024),
    maxBytesInFlight: int("MAX_BYTES_IN_FLIGHT", DEFAULT_LIMITS.maxBytesInFlight, 16 * 1024 * 1024),
    maxWorstCaseBytes: int("MAX_WORST_CASE_BYTES", DEFAULT_LIMITS.maxWorstCaseBytes, 1024),
    maxSubgraphFetches: int("MAX_SUBGRAPH_FETCHES", DEFAULT_LIMITS.maxSubgraphFetches),
    batching: getEnvBool(env, "BATCH_REQUESTS", DEFAULT_LIMITS.batching),
    maxBatchSize: int("MAX_BATCH_SIZE", DEFAULT_LIMITS.maxBatchSize),
    rateLimitPerMinute: int("RATE_LIMIT_PER_MINUTE", DEFAULT_LIMITS.rateLimitPerMinute),
    subgraphTimeoutMs: int("SUBGRAPH_TIMEOUT_MS", DEFAULT_LIMITS.subgraphTimeoutMs),
    maxConcurrentRequests: int("MAX_CONCURRENT_REQUESTS", DEFAULT_LIMITS.maxConcurrentRequests),
    maxConcurrentPerClient: int("MAX_CONCURRENT_PER_CLIENT", DEFAULT_LIMITS.maxConcurrentPerClient),
    maxQueuedRequests: int("MAX_QUEUED_REQUESTS", DEFAULT_LIMITS.maxQueuedRequests, 0),
    queueTimeoutMs: int("QUEUE_TIMEOUT_MS", DEFAULT_LIMITS.queueTimeoutMs),
    requestTimeoutMs: int("REQUEST_TIMEOUT_MS", DEFAULT_LIMITS.requestTimeoutMs),
  };
}

/** `RESPONSE_CACHE_MAX_AGE` (seconds, 0 turns the cache off) and `RESPONSE_CACHE_MAX_BYTES`. */
export function responseCacheFromEnv(env: Env): ResponseCacheConfig | false {
  const maxAgeSeconds = getEnvInt(
    env,
    "RESPONSE_CACHE_MAX_AGE",
    DEFAULT_RESPONSE_CACHE.maxAgeSeconds,
    { min: 0, max: 86_400 },
  );
  const maxSizeBytes = getEnvInt(
    env,
    "RESPONSE_CACHE_MAX_BYTES",
    DEFAULT_RESPONSE_CACHE.maxSizeBytes,
    { min: 1024 },
  );
  return maxAgeSeconds === 0 ? false : { maxAgeSeconds, maxSizeBytes };
}
