import { readFileSync } from "node:fs";
import { type RedisConfig, identitySecretFromEnv, processConfigFromEnv } from "../platform/config";
import type { DatabaseConfig } from "../platform/database";
import { type FieldSizes, readFieldSizes } from "../platform/field-sizes";
import {
  ConfigError,
  type Env,
  getEnvBool,
  getEnvInt,
  getEnvPort,
  getEnvStr,
  getEnvUrl,
  redact,
} from "../platform/env";
import { DEFAULT_LIMITS, type Limits } from "./limits";
import { DEFAULT_PERSISTED_QUERIES, type PersistedQuerySettings } from "./persisted-queries";
import { DEFAULT_RESPONSE_CACHE, type ResponseCacheConfig } from "./response-cache";
// The path alone: gateway/supergraph.ts loads no subgraph code into the gateway process.
import { FIELD_SIZES_PATH, SUPERGRAPH_PATH } from "./supergraph";

/** What startGateway is told (the objects it is handed are GatewayDeps, gateway.ts). */
export interface GatewaySettings {
  host: string;
  port: number;
  /**
   * Where clients reach the gateway (PUBLIC_URL, ending in "/"), for the absolute URLs it hands
   * out (TAXII discovery); undefined: where it listens. Never read from a request's Host header.
   */
  publicUrl?: string;
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
  /** TTL and size of the persisted-query store (default DEFAULT_PERSISTED_QUERIES). */
  persistedQueries?: PersistedQuerySettings;
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
  redisServer?: RedisConfig;
  workers: number;
  /** Apply the key store's pending migrations before the workers start. */
  migrate: boolean;
}

const HTTP = ["http:", "https:"];

export function gatewayConfigFromEnv(env: Env): GatewayProcessConfig {
  const identitySecret = identitySecretFromEnv(env);
  const common = processConfigFromEnv(env);
  const limits = limitsFromEnv(env);
  const host = getEnvStr(env, "HOST", "127.0.0.1") as string;
  const port = getEnvPort(env, "PORT", 4000);
  return {
    host,
    port,
    publicUrl: publicUrlFromEnv(env, host, port),
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
    introspection: getEnvBool(env, "INTROSPECTION", !common.production),
    anonymousReads: getEnvBool(env, "ANONYMOUS_READS", true),
    ...common,
    limits,
    responseCache: responseCacheFromEnv(env),
    persistedQueries: persistedQueriesFromEnv(env, limits.maxQueryBytes),
    identitySecret,
  };
}

export function limitsFromEnv(env: Env): Limits {
  const int = (name: string, fallback: number, min = 1, max?: number) =>
    getEnvInt(env, name, fallback, { min, max });
  const limits: Limits = {
    maxDepth: int("MAX_DEPTH", DEFAULT_LIMITS.maxDepth),
    maxAliases: int("MAX_ALIASES", DEFAULT_LIMITS.maxAliases, 0),
    maxRootFields: int("MAX_ROOT_FIELDS", DEFAULT_LIMITS.maxRootFields),
    maxTokens: int("MAX_TOKENS", DEFAULT_LIMITS.maxTokens),
    maxQueryBytes: int("MAX_QUERY_BYTES", DEFAULT_LIMITS.maxQueryBytes, 256),
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
    taxiiObjectsPerRequest: int(
      "TAXII_OBJECTS_PER_REQUEST",
      DEFAULT_LIMITS.taxiiObjectsPerRequest,
      1,
      1000,
    ),
    subgraphTimeoutMs: int("SUBGRAPH_TIMEOUT_MS", DEFAULT_LIMITS.subgraphTimeoutMs),
    maxConcurrentRequests: int("MAX_CONCURRENT_REQUESTS", DEFAULT_LIMITS.maxConcurrentRequests),
    maxConcurrentPerClient: int("MAX_CONCURRENT_PER_CLIENT", DEFAULT_LIMITS.maxConcurrentPerClient),
    maxQueuedRequests: int("MAX_QUEUED_REQUESTS", DEFAULT_LIMITS.maxQueuedRequests, 0),
    queueTimeoutMs: int("QUEUE_TIMEOUT_MS", DEFAULT_LIMITS.queueTimeoutMs),
    requestTimeoutMs: int("REQUEST_TIMEOUT_MS", DEFAULT_LIMITS.requestTimeoutMs),
    headerTimeoutSeconds: int(
      "HEADER_TIMEOUT_SECONDS",
      DEFAULT_LIMITS.headerTimeoutSeconds,
      1,
      300,
    ),
    bodyTimeoutSeconds: int("BODY_TIMEOUT_SECONDS", DEFAULT_LIMITS.bodyTimeoutSeconds, 1, 3600),
    maxConnectionsPerClient: int(
      "MAX_CONNECTIONS_PER_CLIENT",
      DEFAULT_LIMITS.maxConnectionsPerClient,
      2,
      100_000,
    ),
  };
  // Connections beyond the slots let one address queue a request behind its slow senders.
  if (limits.maxConnectionsPerClient <= limits.maxConcurrentPerClient) {
    throw new ConfigError(
      `MAX_CONNECTIONS_PER_CLIENT (${limits.maxConnectionsPerClient}) must be greater than MAX_CONCURRENT_PER_CLIENT (${limits.maxConcurrentPerClient})`,
    );
  }
  return limits;
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

/** `APQ_TTL_SECONDS` and `APQ_MAX_BYTES`: the store must hold at least one largest query. */
export function persistedQueriesFromEnv(env: Env, maxQueryBytes: number): PersistedQuerySettings {
  const ttlSeconds = getEnvInt(env, "APQ_TTL_SECONDS", DEFAULT_PERSISTED_QUERIES.ttlSeconds, {
    min: 1,
    max: 30 * 86_400,
  });
  const maxBytes = getEnvInt(env, "APQ_MAX_BYTES", DEFAULT_PERSISTED_QUERIES.maxBytes, {
    min: 1024,
  });
  if (maxBytes < maxQueryBytes) {
    throw new ConfigError(
      `APQ_MAX_BYTES (${maxBytes}) must be at least MAX_QUERY_BYTES (${maxQueryBytes})`,
    );
  }
  return { ttlSeconds, maxBytes };
}

/**
 * PUBLIC_URL (`https://cti.example.org/` behind a proxy), else the listen address, a wildcard
 * one as 127.0.0.1; undefined for port 0, known only once listening.
 */
export function publicUrlFromEnv(env: Env, host: string, port: number): string | undefined {
  const value = getEnvUrl(env, "PUBLIC_URL", HTTP);
  if (value) {
    const url = new URL(value);
    if (url.search || url.hash || url.username || url.password) {
      throw new ConfigError(`PUBLIC_URL must be a plain http(s) URL, got "${redact(value)}"`);
    }
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    return url.href;
  }
  if (port === 0) return undefined;
  const dialed = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${dialed.includes(":") ? `[${dialed}]` : dialed}:${port}/`;
}
