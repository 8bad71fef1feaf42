import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { KeyStore } from "../gateway/access/keys";
import { type RunningGateway, startGateway } from "../gateway/gateway";
import type { Limits } from "../gateway/limits";
import {
  type CacheInvalidation,
  DEFAULT_RESPONSE_CACHE,
  type ResponseCacheConfig,
} from "../gateway/response-cache";
import { FIELD_SIZES_PATH, SUPERGRAPH_PATH } from "../gateway/supergraph";
import { readFieldSizes } from "../platform/field-sizes";
import { type GraphQLResponse, postGraphQL } from "../scripts/graphql-client";
import type { DatabaseConfig } from "../platform/database";
import type { SharedRedis } from "../platform/redis";
import { type RunningSubgraph, startSubgraph } from "../services/kit/subgraph";
import { subgraphs } from "../services";

export interface FederationOptions {
  /** Introspection (default false). */
  introspection: boolean;
  /** Masks internal errors (default: NODE_ENV === "production"). */
  production?: boolean;
  /** The gateway's limits (default: the rate limit lifted, the others as deployed). */
  limits?: Partial<Limits>;
  /** Requests without an API key may read (default true). */
  anonymousReads?: boolean;
  /** Anonymous reads answered from memory (default DEFAULT_RESPONSE_CACHE); false: never. */
  responseCache?: ResponseCacheConfig | false;
  cacheInvalidation?: CacheInvalidation;
  /** Random per start when omitted: gateway and subgraphs share this process. */
  identitySecret?: string;
  /** Items one subgraph answer may list (MAX_RESPONSE_NODES). */
  maxResponseNodes?: number;
  /** Bytes one subgraph request may read, and answer (MAX_RESPONSE_BYTES of the subgraphs). */
  subgraphMaxResponseBytes?: number;
  /** Matches a text search counts exactly (TEXT_COUNT_BOUND of the subgraphs). */
  textCountBound?: number;
  /** `/metrics` behind this token on every service; null: not served (production default). */
  metricsToken?: string | null;
  /** Where the gateway calls a subgraph, by name, instead of where it listens (a proxy). */
  subgraphUrls?: Record<string, string>;
  /** The web build served at /app/ and /graphiql (default: dist/web). */
  webRoot?: string;
  /** State shared through Redis by the gateway and the subgraphs (REDIS_URL); none by default. */
  redis?: SharedRedis;
  /** Where clients reach the gateway (PUBLIC_URL); default: where it listens. */
  publicUrl?: string;
}

export interface LocalFederation {
  gatewayUrl: string;
  subgraphs: RunningSubgraph[];
  keys: KeyStore;
  /** SQL statements run by all subgraphs since start. */
  statementCount(): number;
  /** POSTs a GraphQL request to the gateway (or to `url`) over HTTP. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; url?: string },
  ): Promise<GraphQLResponse<T>>;
  /** A new API key's token for `role`. */
  token(role: "reader" | "editor" | "admin"): Promise<string>;
  /** Runs `query` and returns the SQL statements all subgraphs ran for it. */
  countStatements(query: string, variables?: Record<string, unknown>): Promise<number>;
  stop(): Promise<void>;
}

/** What the gateway and the subgraphs of one local federation share. */
interface Shared {
  database: DatabaseConfig;
  options: Partial<FederationOptions>;
  identitySecret: string;
  responseCache: ResponseCacheConfig | false;
  production: boolean;
  limits: Partial<Limits>;
  logLevel: string | undefined;
}

/** The three subgraphs, each pushed onto `running` as it starts (so that a failure stops them). */
async function startSubgraphs(shared: Shared, running: RunningSubgraph[]) {
  const { options, limits, responseCache } = shared;
  for (const { definition } of subgraphs) {
    const subgraph = await startSubgraph(definition, {
      host: "127.0.0.1",
      port: 0,
      migrate: false,
      database: shared.database,
      identitySecret: shared.identitySecret,
      // One setting for the whole process: the subgraphs' hints would otherwise cap it.
      cacheMaxAgeSeconds: responseCache ? responseCache.maxAgeSeconds : undefined,
      maxResponseNodes: options.maxResponseNodes,
      maxResponseBytes: options.subgraphMaxResponseBytes,
      textCountBound: options.textCountBound,
      // The gateway's own limits, so that a fetch of an operation it accepted passes them.
      maxCost: limits.maxCost,
      maxDepth: limits.maxDepth,
      production: shared.production,
      logLevel: shared.logLevel,
      metricsToken: options.metricsToken,
      redis: options.redis,
    });
    running.push(subgraph);
  }
}

/** The gateway in front of the `running` subgraphs (or of `subgraphUrls`). */
async function startLocalGateway(
  shared: Shared,
  keys: KeyStore,
  running: RunningSubgraph[],
): Promise<RunningGateway> {
  const { options } = shared;
  return startGateway({
    keys,
    anonymousReads: options.anonymousReads ?? true,
    production: shared.production,
    logLevel: shared.logLevel,
    metricsToken: options.metricsToken,
    limits: shared.limits,
    responseCache: shared.responseCache,
    cacheInvalidation: options.cacheInvalidation,
    redis: options.redis,
    identitySecret: shared.identitySecret,
    host: "127.0.0.1",
    port: 0,
    supergraphSdl: await readFile(SUPERGRAPH_PATH, "utf8"),
    fieldSizes: readFieldSizes(FIELD_SIZES_PATH),
    subgraphUrls: {
      ...Object.fromEntries(running.map((s) => [s.name, s.url])),
      ...options.subgraphUrls,
    },
    introspection: options.introspection ?? false,
    webRoot: options.webRoot,
    publicUrl: options.publicUrl,
  });
}

/**
 * The whole federation in this process, three subgraphs and the gateway on free loopback ports,
 * over a database already migrated and loaded (harness/database.ts). Introspection is off and
 * the per-key rate limit lifted: a benchmark or a soak measures the service, not the limiter
 * (tests turn both back, test/helpers/federation.ts).
 */
export async function startLocalFederation(
  database: DatabaseConfig,
  options: Partial<FederationOptions> = {},
): Promise<LocalFederation> {
  const running: RunningSubgraph[] = [];
  const shared: Shared = {
    database,
    options,
    identitySecret: options.identitySecret ?? randomBytes(32).toString("base64url"),
    responseCache: options.responseCache ?? DEFAULT_RESPONSE_CACHE,
    production: options.production ?? process.env.NODE_ENV === "production",
    limits: options.limits ?? { rateLimitPerMinute: 1_000_000_000 },
    // As the processes' main.ts files do: this process is their entry point here.
    logLevel: process.env.LOG_LEVEL,
  };
  process.env.APOLLO_TELEMETRY_DISABLED ??= "1";
  let gateway: RunningGateway | undefined;
  let keys: KeyStore | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(running.map((subgraph) => subgraph.stop()));
    await keys?.close();
  };
  try {
    await startSubgraphs(shared, running);
    keys = await KeyStore.open(database, { migrateSchema: false });
    // As a first start does: the key store holds an admin (its token is not needed here).
    await keys.ensureAdmin();
    gateway = await startLocalGateway(shared, keys, running);
  } catch (error) {
    await stop();
    throw error;
  }
  const gatewayUrl = gateway.url;
  const statementCount = () => running.reduce((sum, s) => sum + s.statements.count, 0);
  const query: LocalFederation["query"] = (text, variables, { token, url } = {}) =>
    postGraphQL(url ?? gatewayUrl, { query: text, variables }, { token });
  const owner = keys;
  return {
    gatewayUrl,
    subgraphs: running,
    keys,
    statementCount,
    query,
    token: async (role) => (await owner.create(`harness ${role}`, role)).token,
    async countStatements(text, variables) {
      const before = statementCount();
      const result = await query(text, variables);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return statementCount() - before;
    },
    stop,
  };
}
