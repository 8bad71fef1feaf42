import type { IncomingMessage } from "node:http";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { AdmissionControl } from "../platform/admission";
import { formatError, requestIdPlugin } from "../platform/error-policy";
import { ErrorCode, apiError } from "../platform/errors";
import { knownOperations } from "../platform/observability";
import { RedisKeyValueCache } from "../platform/redis";
import { healthRoutes, within } from "../platform/health";
import {
  createLogger,
  createMetrics,
  metricsRoute,
  observabilityPlugin,
} from "../platform/observability";
import { REQUEST_ID_HEADER, createHttpServer, serveGraphQL } from "../platform/http";
import type { KeyStore } from "./access/keys";
import { type GatewayContext, authenticate, writeAccessPlugin } from "./auth";
import { stixRoutes } from "../stix/taxii/server";
import { landingPagePlugin } from "./landing-page";
import { failedFetchPathsPlugin, rememberQueryPlan } from "./partial-failures";
import { subgraphRefusal } from "./subgraph-errors";
import { webRoutes } from "./web-routes";
import { costPlugin } from "../platform/cost";
import { listSizesFromSupergraph } from "../platform/list-sizes";
import {
  type FetchLimits,
  type FetchMetrics,
  IDENTITY_CLAIMS_HEADER,
  ResponseBytes,
  SubgraphResponse,
  subgraphFetcher,
} from "./subgraph-fetch";
import { DEFAULT_LIMITS, type Limits, armor } from "./limits";
import { inputGuardPlugin } from "../platform/input-guard";
import {
  type CacheInvalidation,
  DEFAULT_RESPONSE_CACHE,
  type ResponseCacheConfig,
  localCacheInvalidation,
  redisCacheInvalidation,
  responseCachePlugins,
} from "./response-cache";

// Apollo's gateway reports anonymous usage unless told otherwise; users opt in, not out.
process.env.APOLLO_TELEMETRY_DISABLED ??= "1";

export interface GatewayConfig {
  host: string;
  port: number;
  supergraphSdl: string;
  /** Subgraph URLs by subgraph name, overriding the URLs recorded in the supergraph. */
  subgraphUrls: Record<string, string | undefined>;
  /** Introspection, the Apollo Sandbox landing page and GraphiQL at /graphiql. */
  introspection: boolean;
  /** The web build served at /app/ and /graphiql (default: dist/web, see web-routes.ts). */
  webRoot?: string;
  /** Masks internal error messages (the request id stays). */
  production: boolean;
  /**
   * `/metrics` needs `Authorization: Bearer <token>` when set; in production without a token it
   * is not served (undefined: open, for development).
   */
  metricsToken?: string | null;
  /** Operation names metrics may label, besides KNOWN_OPERATIONS (METRICS_OPERATIONS). */
  metricsOperations?: string[];
  keys: KeyStore;
  /** Whether requests without a key may read. */
  anonymousReads: boolean;
  /** Shared with the subgraphs, which accept writes only with an identity signed by it. */
  identitySecret: string;
  limits?: Partial<Limits>;
  /** Anonymous reads answered from memory (default DEFAULT_RESPONSE_CACHE); false: never. */
  responseCache?: ResponseCacheConfig | false;
  /** How a write drops the cached reads: this process only unless told otherwise. */
  cacheInvalidation?: CacheInvalidation;
  /**
   * State shared by every replica (REDIS_URL): rate-limit counters, the response cache and its
   * invalidation, persisted queries. Without it each process keeps its own.
   */
  redis?: Redis;
  plugins?: ApolloServerPlugin<GatewayContext>[];
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

type SendRequest = Parameters<
  RemoteGraphQLDataSource<GatewayContext>["willSendRequest"] & object
>[0];
type ParseBody = Parameters<RemoteGraphQLDataSource<GatewayContext>["parseBody"]>;

/**
 * Forwards the caller (signed by the fetcher, over the exact body) and the request id; gives up
 * on a slow subgraph and stops reading once the client request's subgraph answers pass
 * maxResponseBytes.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    name: string,
    url: string,
    secret: string,
    private readonly limits: FetchLimits,
    metrics: FetchMetrics,
  ) {
    super({
      url,
      fetcher: subgraphFetcher(name, secret, limits, metrics),
    });
    this.serviceName = name;
  }

  private readonly serviceName: string;

  override errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0],
  ) {
    return subgraphRefusal(this.serviceName, response);
  }

  override parseBody(...[response, request, context]: ParseBody) {
    if (context && response instanceof SubgraphResponse)
      response.within(ResponseBytes.of(context, this.limits.maxResponseBytes));
    return super.parseBody(response, request, context);
  }

  override willSendRequest({ request, context }: SendRequest) {
    // A request already over its budget asks no more.
    ResponseBytes.of(context, this.limits.maxResponseBytes).spend(0, this.serviceName);
    if (!context.identity) return;
    const { keyId, role } = context.identity;
    request.http?.headers.set(IDENTITY_CLAIMS_HEADER, JSON.stringify({ keyId, role }));
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const limits = { ...DEFAULT_LIMITS, ...config.limits };
  const urls = subgraphUrls(config);
  const logger = createLogger("gateway");
  const metrics = createMetrics("gateway");
  const fetchMetrics = {
    duration: metrics.histogram(
      "subgraph_fetch_duration_seconds",
      "Gateway to subgraph fetch latency",
      ["subgraph"],
    ),
    failures: metrics.counter(
      "subgraph_fetch_failures_total",
      "Failed gateway to subgraph fetches",
      ["subgraph", "code"],
    ),
  };
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    experimental_didResolveQueryPlan: rememberQueryPlan,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(
        name,
        urls[name] ?? (url as string),
        config.identitySecret,
        { timeoutMs: limits.subgraphTimeoutMs, maxResponseBytes: limits.maxResponseBytes },
        fetchMetrics,
      ),
  });
  const http = createHttpServer();
  const protection = armor(limits, { production: config.production });
  const server = new ApolloServer<GatewayContext>({
    // Automatic persisted queries: one store for every replica when Redis is there.
    persistedQueries: config.redis
      ? { cache: new RedisKeyValueCache(config.redis, "attribution-graph:apq:") }
      : undefined,
    gateway,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === "development",
    allowBatchedHttpRequests: limits.batching,
    csrfPrevention: true,
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: formatError(config.production),
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<GatewayContext>[]),
      costPlugin(
        limits.maxCost,
        listSizesFromSupergraph(config.supergraphSdl),
      ) as ApolloServerPlugin<GatewayContext>,
      inputGuardPlugin() as ApolloServerPlugin<GatewayContext>,
      writeAccessPlugin(),
      requestIdPlugin(),
      observabilityPlugin(logger, metrics, knownOperations(config.metricsOperations)),
      failedFetchPathsPlugin<GatewayContext>(),
      ...responseCachePlugins(
        config.responseCache ?? DEFAULT_RESPONSE_CACHE,
        config.cacheInvalidation ??
          (config.redis ? redisCacheInvalidation(config.redis) : localCacheInvalidation()),
      ),
      landingPagePlugin(config.introspection),
      ...(config.plugins ?? []),
    ],
  });
  const perProcess = new RateLimiterMemory({ points: limits.rateLimitPerMinute, duration: 60 });
  // Shared counters; while Redis is down each process counts on its own (the insurance limiter).
  const rateLimiter = config.redis
    ? new RateLimiterRedis({
        storeClient: config.redis,
        keyPrefix: "attribution-graph:rate",
        points: limits.rateLimitPerMinute,
        duration: 60,
        insuranceLimiter: perProcess,
      })
    : perProcess;
  const limitRate = (client: string) =>
    rateLimiter.consume(client).catch(() => {
      throw apiError(
        ErrorCode.RATE_LIMITED,
        `rate limit of ${limits.rateLimitPerMinute} requests per minute exceeded`,
        {},
        429,
      );
    });
  const admission = new AdmissionControl({
    maxConcurrent: limits.maxConcurrentRequests,
    maxPerClient: limits.maxConcurrentPerClient,
    maxQueued: limits.maxQueuedRequests,
    queueTimeoutMs: limits.queueTimeoutMs,
  });
  // GraphQL and TAXII requests: the same rate limits and authentication.
  const context = async (req: IncomingMessage, requestId: string): Promise<GatewayContext> => {
    // The address first: a flood of unknown keys is limited before any key is looked up.
    await limitRate(`ip:${req.socket.remoteAddress}`);
    const identity = await authenticate(req, config);
    if (identity.keyId) await limitRate(`key:${identity.keyId}`);
    return { identity, requestId };
  };
  const running = await serveGraphQL(server, http, {
    host: config.host,
    port: config.port,
    maxBodyBytes: limits.maxBodyBytes,
    maxBatchSize: limits.batching ? limits.maxBatchSize : 1,
    admission,
    requestTimeoutMs: limits.requestTimeoutMs,
    routes: {
      // TAXII 2.1 (/taxii2/) and per-record STIX bundles (/stix/<globalId>), read through
      // `server` as the caller, in the same admission slots.
      ...stixRoutes({
        server,
        context,
        admission,
        requestTimeoutMs: limits.requestTimeoutMs,
        maxContentLength: limits.maxBodyBytes,
      }),
      ...webRoutes({ introspection: config.introspection, root: config.webRoot }),
      "/metrics": metricsRoute(
        metrics,
        config.metricsToken ?? (config.production ? null : undefined),
      ),
      ...healthRoutes(async () => {
        await Promise.all(
          Object.entries(urls).map(async ([name, url]) => {
            const response = await within(
              fetch(new URL("health/ready", url)),
              2_000,
              `subgraph ${name}`,
            );
            if (!response.ok)
              throw new Error(`subgraph ${name} is not ready (HTTP ${response.status})`);
          }),
        );
        return { supergraph: "loaded", subgraphs: Object.keys(urls) };
      }),
    },
    context,
  });
  return {
    url: running.url,
    async stop() {
      await running.close();
      await server.stop();
    },
  };
}

/** Subgraph URLs as the gateway calls them: the supergraph's, overridden by configuration. */
function subgraphUrls(config: GatewayConfig): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of config.supergraphSdl.matchAll(
    /@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g,
  )) {
    urls[match[1]] = config.subgraphUrls[match[1]] ?? match[2];
  }
  return urls;
}
