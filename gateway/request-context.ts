import type { IncomingMessage } from "node:http";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { ErrorCode, apiError } from "../platform/errors";
import { type AuthConfig, type GatewayContext, authenticate } from "./auth";

export type RequestContext = (req: IncomingMessage, requestId: string) => Promise<GatewayContext>;

/**
 * The context of a GraphQL or TAXII request: rate limits by address, then the API key, then
 * limits by key. `rateLimitPerMinute` requests per minute each.
 */
export function requestContext(
  config: AuthConfig & { redis?: Redis },
  rateLimitPerMinute: number,
): RequestContext {
  const perProcess = new RateLimiterMemory({ points: rateLimitPerMinute, duration: 60 });
  // Shared counters; while Redis is down each process counts on its own (the insurance limiter).
  const rateLimiter = config.redis
    ? new RateLimiterRedis({
        storeClient: config.redis,
        keyPrefix: "attribution-graph:rate",
        points: rateLimitPerMinute,
        duration: 60,
        insuranceLimiter: perProcess,
      })
    : perProcess;
  const limitRate = (client: string) =>
    rateLimiter.consume(client).catch(() => {
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
