import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { RedisKeyValueCache, type SharedRedis } from "../platform/redis";
import type { GatewayContext } from "./auth";

export interface ResponseCacheConfig {
  /** How long an anonymous read may be answered from memory; also caps `Cache-Control`. */
  maxAgeSeconds: number;
  /** Bound of the LRU, in characters of serialized responses (about bytes). */
  maxSizeBytes: number;
}

/**
 * A write through this gateway drops cached reads at once; the max age bounds how stale a read
 * can be after a change the gateway never saw (SQL run on the database, a replica without a
 * shared CacheInvalidation).
 */
export const DEFAULT_RESPONSE_CACHE: ResponseCacheConfig = {
  maxAgeSeconds: 30,
  maxSizeBytes: 32 * 1024 * 1024,
};

export interface CacheInvalidation {
  /** Called on write; resolves when every process has dropped its cached reads. */
  publish(): Promise<void>;
  /** Registers the local drop. */
  subscribe(onInvalidate: () => void): void;
  /**
   * Where the generation lives outside this process (Redis): read per request; undefined when
   * it cannot be read, and the cache is then bypassed.
   */
  generation?(): Promise<string | undefined>;
  /** The store shared by every replica, when there is one. */
  store?: KeyValueCache<string>;
}

/** One process: a write drops this process's cached reads, and nobody else's. */
export function localCacheInvalidation(): CacheInvalidation {
  const listeners: (() => void)[] = [];
  return {
    async publish() {
      for (const listener of listeners) listener();
    },
    subscribe(onInvalidate) {
      listeners.push(onInvalidate);
    },
  };
}

const GENERATION_KEY = "attribution-graph:response-cache:generation";

/**
 * Every replica of the gateway with one Redis: cached reads live in Redis under the generation
 * Redis holds, and a write anywhere starts a new one (INCR) before its answer is sent, so no
 * replica's next read finds an older answer. While Redis is down or stalled the cache is
 * bypassed; when it is back, a new generation drops whatever was cached before the outage.
 */
export function redisCacheInvalidation(redis: SharedRedis): CacheInvalidation {
  redis.onRecovered(() => void redis.run((c) => c.incr(GENERATION_KEY)).catch(() => undefined));
  return {
    async publish() {
      if (redis.usable) await redis.run((c) => c.incr(GENERATION_KEY));
    },
    subscribe() {},
    async generation() {
      if (!redis.usable) return undefined;
      try {
        return (await redis.run((c) => c.get(GENERATION_KEY))) ?? "0";
      } catch {
        return undefined;
      }
    },
    store: new RedisKeyValueCache(redis, "attribution-graph:response-cache:"),
  };
}

const anonymous = (context: GatewayContext) => context.identity.keyId === null;
const isAnonymous = async ({ contextValue }: GraphQLRequestContext<GatewayContext>) =>
  anonymous(contextValue);

/**
 * Anonymous queries are answered from an in-memory LRU by Apollo's response cache, for as long
 * as every subgraph's `Cache-Control` and `config.maxAgeSeconds` allow; errors are never cached.
 * Requests with an API key always run and are never stored. Each write moves to a new
 * generation, part of every cache key: older entries can no longer be reached (the LRU evicts
 * them), and a read that began before the write stores its answer where no later read looks.
 */
export function responseCachePlugins(
  config: ResponseCacheConfig | false,
  invalidation: CacheInvalidation,
): ApolloServerPlugin<GatewayContext>[] {
  const rules = cacheRulesPlugin(config ? config.maxAgeSeconds : 0, invalidation);
  if (!config) return [rules];
  let local = 0;
  invalidation.subscribe(() => (local += 1));
  // The generation is read once per request: the read and the write of its answer use the same.
  const generations = new WeakMap<GatewayContext, Promise<string | number | undefined>>();
  const generationOf = (context: GatewayContext) => {
    let generation = generations.get(context);
    if (!generation) {
      generation = invalidation.generation ? invalidation.generation() : Promise.resolve(local);
      generations.set(context, generation);
    }
    return generation;
  };
  const cacheable = async (request: GraphQLRequestContext<GatewayContext>) =>
    (await isAnonymous(request)) && (await generationOf(request.contextValue)) !== undefined;
  return [
    rules,
    responseCachePlugin<GatewayContext>({
      cache: invalidation.store ?? new InMemoryLRUCache<string>({ maxSize: config.maxSizeBytes }),
      extraCacheKeyData: (request) => generationOf(request.contextValue),
      shouldReadFromCache: cacheable,
      shouldWriteToCache: cacheable,
    }),
  ];
}

/**
 * `Cache-Control` for clients: mutations `no-store`, queries at most `maxAgeSeconds`, and
 * `private` when asked with a key. `x-cache: HIT | MISS` on anonymous queries the cache saw.
 * A mutation that ran (even one that failed: its write may have committed) drops the cached
 * reads before its answer leaves, so the next read sees the write.
 */
function cacheRulesPlugin(
  maxAgeSeconds: number,
  invalidation: CacheInvalidation,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const keyless = anonymous(contextValue);
      let wrote = false;
      return {
        async didResolveOperation({ operation, overallCachePolicy }) {
          if (operation?.operation !== "query") return overallCachePolicy.restrict({ maxAge: 0 });
          overallCachePolicy.restrict({ maxAge: maxAgeSeconds });
          if (!keyless) overallCachePolicy.restrict({ scope: "PRIVATE" });
        },
        async executionDidStart({ operation }) {
          wrote = operation.operation === "mutation";
        },
        async willSendResponse({ response, metrics, logger }) {
          if (wrote) {
            // The write has happened: answer it anyway; reads elsewhere stay stale for max age.
            await invalidation.publish().catch((error: unknown) => {
              logger.error(`could not drop cached reads after a write: ${String(error)}`);
            });
          }
          if (keyless && metrics.responseCacheHit !== undefined) {
            response.http.headers.set("x-cache", metrics.responseCacheHit ? "HIT" : "MISS");
          }
        },
      };
    },
  };
}
