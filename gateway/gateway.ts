import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { AdmissionControl } from "../platform/admission";
import { BytesInFlight, releaseAfterResponse } from "../platform/bytes-in-flight";
import { costPlugin } from "../platform/cost-plugin";
import { formatError, requestIdPlugin } from "../platform/error-policy";
import { variableProblemsPlugin } from "./variable-problems";
import { createHttpServer, serveGraphQL } from "../platform/http";
import { inputGuardPlugin } from "../platform/input-guard";
import { listSizesFromSupergraph } from "../platform/list-sizes";
import {
  type Metrics,
  createLogger,
  createMetrics,
  knownOperations,
  observabilityPlugin,
} from "../platform/observability";
import type { SharedRedis } from "../platform/redis";
import type { KeyStore } from "./access/keys";
import { type GatewayContext, writeAccessPlugin } from "./auth";
import type { GatewaySettings } from "./config";
import { landingPagePlugin } from "./landing-page";
import { DEFAULT_LIMITS, type Limits, armor } from "./limits";
import { failedFetchPathsPlugin } from "./partial-failures";
import { DEFAULT_PERSISTED_QUERIES, persistedQueries, vetQuery } from "./persisted-queries";
import { requestContext } from "./request-context";
import {
  type CacheInvalidation,
  DEFAULT_RESPONSE_CACHE,
  localCacheInvalidation,
  redisCacheInvalidation,
  responseCachePlugins,
} from "./response-cache";
import { gatewayRoutes } from "./routes";
import { ResponseBytes } from "./subgraph-fetch";
import { unresolvedReferencesPlugin } from "./unresolved-references";
import { subgraphGateway, subgraphUrls } from "./subgraph-source";

/** What startGateway is handed besides its settings (gateway/config.ts). */
export interface GatewayDeps {
  keys: KeyStore;
  /**
   * State shared by every replica (REDIS_URL): rate-limit counters, the response cache and its
   * invalidation, persisted queries. Without it each process keeps its own.
   */
  redis?: SharedRedis;
  /** How a write drops the cached reads: this process only unless told otherwise. */
  cacheInvalidation?: CacheInvalidation;
  plugins?: ApolloServerPlugin<GatewayContext>[];
}

export type GatewayConfig = GatewaySettings & GatewayDeps;

export interface RunningGateway {
  /** Where it listens. */
  url: string;
  /** Where clients reach it (PUBLIC_URL, else where it listens). */
  publicUrl: string;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const limits = { ...DEFAULT_LIMITS, ...config.limits };
  const urls = subgraphUrls(config.supergraphSdl, config.subgraphUrls);
  const metrics = createMetrics("gateway");
  const inFlight = new BytesInFlight(limits.maxBytesInFlight);
  const server = graphServer(config, limits, { urls, metrics, inFlight });
  const admission = new AdmissionControl({
    maxConcurrent: limits.maxConcurrentRequests,
    maxPerClient: limits.maxConcurrentPerClient,
    maxQueued: limits.maxQueuedRequests,
    queueTimeoutMs: limits.queueTimeoutMs,
  });
  // GraphQL and TAXII requests: the same rate limits and authentication.
  const context = requestContext(config, limits.rateLimitPerMinute);
  // Known once listening when the port is 0 (tests); never taken from a request's Host header.
  let listening = "";
  const running = await serveGraphQL(server, createHttpServer(), {
    host: config.host,
    port: config.port,
    maxBodyBytes: limits.maxBodyBytes,
    maxBatchSize: limits.batching ? limits.maxBatchSize : 1,
    // The query's bytes and its persisted-query extension, before it takes a slot.
    vetOperation: vetQuery(limits.maxQueryBytes, createLogger("gateway", config.logLevel)),
    admission,
    requestTimeoutMs: limits.requestTimeoutMs,
    headerTimeoutMs: limits.headerTimeoutSeconds * 1000,
    bodyTimeoutMs: limits.bodyTimeoutSeconds * 1000,
    maxConnectionsPerClient: limits.maxConnectionsPerClient,
    routes: gatewayRoutes(config, {
      server,
      context,
      admission,
      limits,
      metrics,
      subgraphUrls: urls,
      redis: config.redis,
      publicUrl: () => config.publicUrl ?? listening,
    }),
    // A GraphQL request counts as one request of the rate limit, whatever its body.
    context: (req, requestId) => context(req, requestId),
  });
  listening = running.url;
  return {
    url: running.url,
    publicUrl: config.publicUrl ?? running.url,
    async stop() {
      await running.close();
      await server.stop();
    },
  };
}

/** Apollo Server over Apollo's gateway, with graphql-armor and the gateway's plugins. */
function graphServer(
  config: GatewayConfig,
  limits: Limits,
  {
    urls,
    metrics,
    inFlight,
  }: { urls: Record<string, string>; metrics: Metrics; inFlight: BytesInFlight },
): ApolloServer<GatewayContext> {
  const protection = armor(limits, { production: config.production });
  // The reference check runs its reads through this very server, made just below.
  const self: { server?: ApolloServer<GatewayContext> } = {};
  const server = new ApolloServer<GatewayContext>({
    gateway: subgraphGateway(
      {
        supergraphSdl: config.supergraphSdl,
        urls,
        identitySecret: config.identitySecret,
        limits: { timeoutMs: limits.subgraphTimeoutMs, maxResponseBytes: limits.maxResponseBytes },
        maxSubgraphFetches: limits.maxSubgraphFetches,
        inFlight,
      },
      metrics,
    ),
    // Automatic persisted queries, with a TTL and a size cap; shared by replicas through Redis.
    persistedQueries: persistedQueries(
      config.persistedQueries ?? DEFAULT_PERSISTED_QUERIES,
      config.redis,
    ),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.stackTraces ?? false,
    allowBatchedHttpRequests: limits.batching,
    csrfPrevention: true,
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: formatError(config.production),
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<GatewayContext>[]),
      ...gatewayPlugins(config, limits, metrics),
      unresolvedReferencesPlugin(() => self.server!),
    ],
  });
  self.server = server;
  return server;
}

/**
 * Everything the gateway does to a GraphQL request after graphql-armor's checks, in order: cost,
 * input guard, write access, request ids, logs and metrics, partial failures, the response
 * cache, the landing page, and any `config.plugins`.
 */
export function gatewayPlugins(
  config: GatewayConfig,
  limits: Limits,
  metrics: Metrics,
): ApolloServerPlugin<GatewayContext>[] {
  const logger = createLogger("gateway", config.logLevel);
  return [
    costPlugin(limits.maxCost, listSizesFromSupergraph(config.supergraphSdl), {
      maxBytes: limits.maxWorstCaseBytes,
      fieldSizes: config.fieldSizes,
    }) as ApolloServerPlugin<GatewayContext>,
    inputGuardPlugin() as ApolloServerPlugin<GatewayContext>,
    writeAccessPlugin(config.keys),
    variableProblemsPlugin<GatewayContext>(config.production),
    requestIdPlugin(),
    observabilityPlugin(logger, metrics, knownOperations(config.metricsOperations)),
    failedFetchPathsPlugin<GatewayContext>(),
    ...responseCachePlugins(
      config.responseCache ?? DEFAULT_RESPONSE_CACHE,
      config.cacheInvalidation ??
        (config.redis ? redisCacheInvalidation(config.redis) : localCacheInvalidation()),
    ),
    landingPagePlugin(config.introspection),
    releaseAfterResponse<GatewayContext>((context) => ResponseBytes.made(context)?.share),
    ...(config.plugins ?? []),
  ];
}
