import { describe, expect, it } from "vitest";
import { responseCacheFromEnv } from "../../../gateway/config";
import { DEFAULT_RESPONSE_CACHE } from "../../../gateway/response-cache";
import { ConfigError } from "../../../platform/env";

// The response cache's two settings, and 0 as the way to turn it off.
describe("gateway > response cache configuration", () => {
  it("reads RESPONSE_CACHE_MAX_AGE and RESPONSE_CACHE_MAX_BYTES; 0 turns the cache off", () => {
    expect(responseCacheFromEnv({})).toEqual(DEFAULT_RESPONSE_CACHE);
    expect(
      responseCacheFromEnv({ RESPONSE_CACHE_MAX_AGE: "5", RESPONSE_CACHE_MAX_BYTES: "4096" }),
    ).toEqual({ maxAgeSeconds: 5, maxSizeBytes: 4096 });
    expect(responseCacheFromEnv({ RESPONSE_CACHE_MAX_AGE: "0" })).toBe(false);
  });

  it.each([
    [{ RESPONSE_CACHE_MAX_AGE: "abc" }, /^RESPONSE_CACHE_MAX_AGE must be an integer/],
    [{ RESPONSE_CACHE_MAX_AGE: "-1" }, /^RESPONSE_CACHE_MAX_AGE must be between 0 and/],
    [{ RESPONSE_CACHE_MAX_BYTES: "1.5" }, /^RESPONSE_CACHE_MAX_BYTES must be an integer/],
  ])("rejects %o with a message naming the variable", (env, message) => {
    expect(() => responseCacheFromEnv(env)).toThrow(ConfigError);
    expect(() => responseCacheFromEnv(env)).toThrow(message);
  });
});
