import { describe, expect, it } from "vitest";
import { limitsFromEnv } from "../../../gateway/config";
import { ConfigError } from "../../../platform/env";

// Every limit of the gateway is a setting: read from the environment, refused by name when bad.
describe("gateway > limits > limitsFromEnv", () => {
  it("reads every limit from the environment and rejects bad values by name", () => {
    expect(
      limitsFromEnv({ MAX_DEPTH: "5", BATCH_REQUESTS: "true", RATE_LIMIT_PER_MINUTE: "10" }),
    ).toMatchObject({
      maxDepth: 5,
      batching: true,
      rateLimitPerMinute: 10,
    });
    expect(() => limitsFromEnv({ MAX_COST: "lots" })).toThrow(ConfigError);
    expect(() => limitsFromEnv({ MAX_BODY_BYTES: "10" })).toThrow(
      /MAX_BODY_BYTES must be between 1024/,
    );
    expect(limitsFromEnv({}).maxResponseBytes).toBe(16 * 1024 * 1024);
    expect(limitsFromEnv({ MAX_RESPONSE_BYTES: "4096" }).maxResponseBytes).toBe(4096);
    expect(() => limitsFromEnv({ MAX_RESPONSE_BYTES: "100" })).toThrow(
      /MAX_RESPONSE_BYTES must be between 1024/,
    );
  });
});
