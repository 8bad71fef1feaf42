import type { IncomingMessage } from "node:http";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { ErrorCode, apiError } from "../platform/errors";
import type { SharedRedis } from "../platform/redis";
import { type AuthConfig, type GatewayContext, authenticate } from "./auth";

/** `cost`: how many requests of the rate limit this one counts as (1; a TAXII page more). */
export type RequestContext = (
  req: IncomingMessage,
  requestId: string,
  cost?: number,
) => Promise<GatewayContext>;

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
  const limitRate = (client: string, cost: number) =>
    consume(client, cost).catch((refused: unknown) => {
      const counted = cost > 1 ? ` (this request counts as ${cost})` : "";
      const wait = refused instanceof RateLimiterRes ? refused.msBeforeNext : 60_000;
      throw apiError(
        ErrorCode.RATE_LIMITED,
        `rate limit of ${rateLimitPerMinute} requests per minute exceeded${counted}`,
        { retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) },
        429,
      );
    });
  return async (req, requestId, cost = 1) => {
    // Never more than a whole minute's allowance: every request can be made after a wait.
    const points = Math.min(Math.max(1, Math.ceil(cost)), rateLimitPerMinute);
    // The address first: a flood of unknown keys is limited before any key is looked up.
    await limitRate(`ip:${req.socket.remoteAddress}`, points);
    const identity = await authenticate(req, config);
    if (identity.keyId) await limitRate(`key:${identity.keyId}`, points);
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
): (key: string, cost: number) => Promise<RateLimiterRes> {
  if (!redis) return (key, cost) => perProcess.consume(key, cost);
  const shared = new RateLimiterRedis({
    storeClient: redis.client,
    keyPrefix: "attribution-graph:rate",
    points,
    duration: 60,
  });
  return async (key, cost) => {
    if (redis.usable) {
      try {
        return await shared.consume(key, cost);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw error;
        redis.noteFailure(error);
      }
    }
    return perProcess.consume(key, cost);
  };
}
