import type { IncomingMessage } from "node:http";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { ErrorCode, apiError } from "../platform/errors";
import type { SharedRedis } from "../platform/redis";
import { type AuthConfig, type GatewayContext, authenticate } from "./auth";

export type RequestContext = (req: IncomingMessage, requestId: string) => Promise<GatewayContext>;

/**
 * The context of a GraphQL or TAXII request: rate limits by address, then the API key, then
 * limits by key. `rateLimitPerMinute` requests per minute each.
 */
export function requestContext(
  config: AuthConfig & { redis?: SharedRedis },
  rateLimitPerMinute: number,
): RequestContext {
  const perProcess = new RateLimiterMemory({ points: rateLimitPerMinute, duration: 60 });
  const consume = sharedCounters(config.redis, perProcess, rateLimitPerMinute);
  const limitRate = (client: string) =>
    consume(client).catch(() => {
      throw apiError(
        ErrorCode.RATE_LIMITED,
        `rate limit of ${rateLimitPerMinute} requests per minute exceeded`,
        {},
        429,
      );
    });
  return async (req, requestId) => {
    // The address first: a flood of unknown keys is limited before any key is looked up.
    await limitRate(`ip:${req.socket.remoteAddress}`);
    const identity = await authenticate(req, config);
    if (identity.keyId) await limitRate(`key:${identity.keyId}`);
    return { identity, requestId };
  };
}

/**
 * Counters shared by every replica in Redis; while Redis is down or stalled each process counts
 * on its own (`perProcess`), and a command past its deadline costs that deadline once.
 */
function sharedCounters(
  redis: SharedRedis | undefined,
  perProcess: RateLimiterMemory,
  points: number,
): (key: string) => Promise<RateLimiterRes> {
  if (!redis) return (key) => perProcess.consume(key);
  const shared = new RateLimiterRedis({
    storeClient: redis.client,
    keyPrefix: "attribution-graph:rate",
    points,
    duration: 60,
  });
  return async (key) => {
    if (redis.usable) {
      try {
        return await shared.consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw error;
        redis.noteFailure(error);
      }
    }
    return perProcess.consume(key);
  };
}
