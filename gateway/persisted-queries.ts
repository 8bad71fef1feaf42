import { createHash } from "node:crypto";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Logger } from "pino";
import { ErrorCode } from "../platform/errors";
import type { OperationRequest } from "../platform/request-body";
import { HttpError } from "../platform/intake";
import type { SharedRedis } from "../platform/redis";

/** Automatic persisted queries (APQ): how long a registered query is kept, and how many bytes. */
export interface PersistedQuerySettings {
  /** Seconds a registered query is kept (APQ_TTL_SECONDS); a client re-registers after. */
  ttlSeconds: number;
  /** Bytes of queries the store holds (APQ_MAX_BYTES); the oldest go first. */
  maxBytes: number;
}

export const DEFAULT_PERSISTED_QUERIES: PersistedQuerySettings = {
  ttlSeconds: 24 * 60 * 60,
  maxBytes: 16 * 1024 * 1024,
};

/** Apollo's `persistedQueries` option: one store for every replica when Redis is there. */
export function persistedQueries(settings: PersistedQuerySettings, redis?: SharedRedis) {
  const cache: KeyValueCache<string> = redis
    ? new RedisPersistedQueries(redis, settings)
    : new InMemoryLRUCache<string>({
        maxSize: settings.maxBytes,
        sizeCalculation: (query) => Buffer.byteLength(query),
      });
  return { cache, ttl: settings.ttlSeconds };
}

const PREFIX = "attribution-graph:apq:";
const INDEX = "attribution-graph:apq-index";
const SIZES = "attribution-graph:apq-sizes";
const TOTAL = "attribution-graph:apq-bytes";

/**
 * One atomic step over the store: forget expired entries, store this one with its TTL, then drop
 * the entries that expire soonest (the oldest) until the total is under the cap. KEYS: index
 * (sorted set of entry keys by expiry, in microseconds of Redis's clock: entries stored within
 * one millisecond keep their order, where equal scores would fall back to the keys' order),
 * sizes (hash), total; ARGV: key, query, ttl (seconds), cap (bytes).
 */
const SET_CAPPED = `
local index, sizes, total = KEYS[1], KEYS[2], KEYS[3]
local key, value = ARGV[1], ARGV[2]
local ttl, cap = tonumber(ARGV[3]), tonumber(ARGV[4])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local function forget(member)
  redis.call('DECRBY', total, tonumber(redis.call('HGET', sizes, member) or '0'))
  redis.call('HDEL', sizes, member)
  redis.call('ZREM', index, member)
end
for _, member in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', now)) do forget(member) end
forget(key)
if #value > cap then return 0 end
redis.call('SET', key, value, 'EX', ttl)
redis.call('HSET', sizes, key, #value)
redis.call('ZADD', index, now + ttl * 1000000, key)
redis.call('INCRBY', total, #value)
while tonumber(redis.call('GET', total)) > cap do
  local oldest = redis.call('ZRANGE', index, 0, 0)[1]
  if not oldest then break end
  forget(oldest)
  redis.call('DEL', oldest)
end
return 1
`;

/**
 * The persisted queries of every replica, in Redis, each with a TTL and all together under
 * `maxBytes`. While Redis is down or stalled nothing is stored or found: a client sending only a
 * hash is told PERSISTED_QUERY_NOT_FOUND and sends the query, which runs.
 */
class RedisPersistedQueries implements KeyValueCache<string> {
  constructor(
    private readonly redis: SharedRedis,
    private readonly settings: PersistedQuerySettings,
  ) {}

  async get(key: string): Promise<string | undefined> {
    if (!this.redis.usable) return undefined;
    return (await this.redis.run((c) => c.get(PREFIX + key)).catch(() => null)) ?? undefined;
  }

  async set(key: string, query: string, options?: { ttl?: number | null }): Promise<void> {
    if (!this.redis.usable) return;
    const ttl = Math.ceil(options?.ttl ?? this.settings.ttlSeconds);
    const args = [PREFIX + key, query, ttl, this.settings.maxBytes];
    await this.redis
      .run((c) => c.eval(SET_CAPPED, 3, INDEX, SIZES, TOTAL, ...args))
      .catch(() => {
        // Not stored: the client registers it again on its next PERSISTED_QUERY_NOT_FOUND.
      });
  }

  async delete(key: string): Promise<boolean | void> {
    // Apollo never deletes a persisted query; its size is forgotten when it would have expired.
    if (this.redis.usable) await this.redis.run((c) => c.del(PREFIX + key)).catch(() => undefined);
  }
}

/**
 * Checked before Apollo sees an operation (and before it takes an admission slot): the query's
 * size in UTF-8 bytes, whatever it holds (a comment counts), then the persisted-query extension.
 * Apollo itself would answer a wrong hash or version as an internal error with a stack in the
 * log; here it is the client's mistake, 400 BAD_REQUEST, logged at info.
 */
export function vetQuery(maxQueryBytes: number, logger: Logger) {
  return ({ query, extensions }: OperationRequest, requestId: string): void => {
    const refuse = (status: number, code: ErrorCode, message: string) => {
      logger.info({ requestId, code }, message);
      return new HttpError(status, code, message);
    };
    if (typeof query === "string" && Buffer.byteLength(query) > maxQueryBytes) {
      throw refuse(
        413,
        ErrorCode.PAYLOAD_TOO_LARGE,
        `the query is ${Buffer.byteLength(query)} bytes; at most ${maxQueryBytes} are accepted (MAX_QUERY_BYTES)`,
      );
    }
    const persisted = (extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery;
    const problem = persistedQueryProblem(query, persisted);
    if (problem) throw refuse(400, ErrorCode.BAD_REQUEST, problem);
  };
}

function persistedQueryProblem(query: unknown, persisted: unknown): string | null {
  if (persisted === undefined) return null;
  const { version, sha256Hash } = (persisted ?? {}) as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1) {
    return `extensions.persistedQuery.version must be 1 (automatic persisted queries), got ${(JSON.stringify(version) ?? "nothing").slice(0, 40)}`;
  }
  if (typeof sha256Hash !== "string" || !/^[0-9a-f]{64}$/.test(sha256Hash)) {
    return "extensions.persistedQuery.sha256Hash must be the query's SHA-256, 64 lowercase hex digits";
  }
  if (
    typeof query === "string" &&
    createHash("sha256").update(query).digest("hex") !== sha256Hash
  ) {
    return "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it";
  }
  return null;
}
