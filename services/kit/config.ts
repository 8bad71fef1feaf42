import {
  type RedisConfig,
  identitySecretFromEnv,
  processConfigFromEnv,
} from "../../platform/config";
import { DEFAULT_MAX_COST } from "../../platform/cost";
import type { DatabaseConfig } from "../../platform/database";
import { type Env, getEnvBool, getEnvInt, getEnvPort, getEnvStr } from "../../platform/env";
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_RESPONSE_BYTES } from "../../platform/limits";
import { DEFAULT_MAX_RESPONSE_NODES } from "./budget";
import { DEFAULT_MAX_BYTES_IN_FLIGHT } from "../../platform/bytes-in-flight";

/** Where a text search's `totalCount` stops counting: beyond it, a lower bound (as search APIs). */
export const DEFAULT_TEXT_COUNT_BOUND = 1_000;

/** How long a query's answer may be reused; writes through the gateway drop it sooner. */
export const DEFAULT_CACHE_MAX_AGE_SECONDS = 30;

/** What startSubgraph is told (besides the Redis client it may be handed, subgraph.ts). */
export interface SubgraphSettings {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Apply pending migrations before listening (the default for `npm start`). */
  migrate: boolean;
  /** Shared with the gateway, which signs every request a subgraph answers with it. */
  identitySecret: string;
  maxBodyBytes?: number;
  /** `Cache-Control: max-age` of query answers, which the gateway's response cache honours. */
  cacheMaxAgeSeconds?: number;
  /** Items one answer may list before it is cut off with RESPONSE_TOO_LARGE. */
  maxResponseNodes?: number;
  /** Bytes of rows (text and JSON) one request may read, and answer, before it is cut off likewise. */
  maxResponseBytes?: number;
  /** Bytes all requests of the process may hold at once beyond 1 MiB each (SERVICE_UNAVAILABLE). */
  maxBytesInFlight?: number;
  /** MAX_COST and MAX_DEPTH of one request, as at the gateway (QUERY_TOO_COMPLEX, validation). */
  maxCost?: number;
  maxDepth?: number;
  /** No introspection, no suggestions, masked errors (NODE_ENV=production; default false). */
  production?: boolean;
  /** Error answers carry stack traces (NODE_ENV=development). */
  stackTraces?: boolean;
  /** pino's level (default info). */
  logLevel?: string;
  /** `/metrics` behind this bearer token; null: not served (see metricsRoute). */
  metricsToken?: string | null;
  /** Matches a text search counts before `totalCount` becomes a lower bound (TEXT_COUNT_BOUND). */
  textCountBound?: number;
  /** Operation names metrics may label, besides KNOWN_OPERATIONS (METRICS_OPERATIONS). */
  metricsOperations?: string[];
}

/**
 * Every setting of a subgraph process, read once by services/kit/main.ts. Tracing aside:
 * main.ts reads and starts it first (platform/config.ts), before http and pg load.
 */
export interface SubgraphProcessConfig extends SubgraphSettings {
  /** Where replicas of this subgraph share used identity nonces (REDIS_URL). */
  redisServer?: RedisConfig;
  /** Load the shipped dataset into an empty database before listening (SEED_ON_START). */
  seed: boolean;
  workers: number;
}

export function subgraphConfigFromEnv(env: Env, defaultPort: number): SubgraphProcessConfig {
  return {
    host: getEnvStr(env, "HOST", "127.0.0.1") as string,
    port: getEnvPort(env, "PORT", defaultPort),
    ...processConfigFromEnv(env),
    maxResponseNodes: getEnvInt(env, "MAX_RESPONSE_NODES", DEFAULT_MAX_RESPONSE_NODES, {
      min: 100,
    }),
    maxResponseBytes: getEnvInt(env, "MAX_RESPONSE_BYTES", DEFAULT_MAX_RESPONSE_BYTES, {
      min: 1024,
    }),
    maxBytesInFlight: getEnvInt(env, "MAX_BYTES_IN_FLIGHT", DEFAULT_MAX_BYTES_IN_FLIGHT, {
      min: 16 * 1024 * 1024,
    }),
    maxCost: getEnvInt(env, "MAX_COST", DEFAULT_MAX_COST, { min: 1 }),
    maxDepth: getEnvInt(env, "MAX_DEPTH", DEFAULT_MAX_DEPTH, { min: 1 }),
    textCountBound: getEnvInt(env, "TEXT_COUNT_BOUND", DEFAULT_TEXT_COUNT_BOUND, {
      min: 1,
      max: 1_000_000,
    }),
    cacheMaxAgeSeconds: getEnvInt(env, "CACHE_MAX_AGE", DEFAULT_CACHE_MAX_AGE_SECONDS, {
      min: 0,
      max: 86_400,
    }),
    seed: getEnvBool(env, "SEED_ON_START", false),
    identitySecret: identitySecretFromEnv(
      env,
      ": a subgraph answers only requests the gateway signed with it",
    ),
  };
}
