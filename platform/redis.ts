import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import { Redis } from "ioredis";
import type { NonceClaim, NonceStore, Nonces } from "./identity";

/**
 * A client that never queues commands while Redis is down (they fail at once, and the callers
 * fall back to their per-process behaviour) and reconnects by itself.
 */
export function connectRedis(url: string, name: string): Redis {
  const redis = new Redis(url, {
    connectionName: `attribution-graph:${name}`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Errors are answered by each caller's fallback; an unhandled 'error' event would crash.
  redis.on("error", () => undefined);
  return redis;
}

export const isUp = (redis: Redis) => redis.status === "ready";

/**
 * Apollo's KeyValueCache over Redis, for the response cache and persisted queries shared by
 * every gateway replica. A failed command reads as a miss and writes nothing: the caller's
 * answer is computed, never an error. (A few lines over ioredis: Apollo's own Redis adapter
 * needs Keyv and a second Redis client library.)
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    if (!isUp(this.redis)) return undefined;
    return (await this.redis.get(this.prefix + key).catch(() => null)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!isUp(this.redis)) return;
    const ttl = options?.ttl;
    await (
      ttl
        ? this.redis.set(this.prefix + key, value, "EX", Math.ceil(ttl))
        : this.redis.set(this.prefix + key, value)
    ).catch(() => undefined);
  }

  async delete(key: string): Promise<boolean | void> {
    if (!isUp(this.redis)) return;
    await this.redis.del(this.prefix + key).catch(() => undefined);
  }
}

/**
 * Used identity nonces remembered in Redis until their signature expires, so a header captured
 * on its way to one replica of a subgraph cannot be replayed to another. Also kept in this
 * process, which is all there is while Redis is down.
 */
export class RedisNonces implements Nonces {
  constructor(
    private readonly redis: Redis,
    private readonly local: NonceStore,
  ) {}

  async claim(nonce: string, exp: number, now = Date.now()): Promise<NonceClaim> {
    const here = this.local.claim(nonce, exp, now);
    if (here !== "fresh" || !isUp(this.redis)) return here;
    try {
      const set = await this.redis.set(`attribution-graph:nonce:${nonce}`, "1", "EXAT", exp, "NX");
      return set ? "fresh" : "seen";
    } catch {
      return here;
    }
  }
}
