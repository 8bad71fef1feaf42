import { describe, expect, it } from "vitest";
import {
  databaseConfigFromEnv,
  metricsOperationsFromEnv,
  metricsTokenFromEnv,
} from "../../../platform/config";
import { ConfigError } from "../../../platform/env";

// The settings every process reads the same way: its database, the operation names metrics may
// label, and who may read /metrics.
describe("platform > config", () => {
  it("reads the database settings with their defaults and bounds", () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: "postgresql://u@h/db" })).toEqual({
      url: "postgresql://u@h/db",
      poolSize: 10,
      statementTimeoutMs: 10_000,
      connectTimeoutMs: 5_000,
    });
    expect(
      databaseConfigFromEnv({ DB_POOL_SIZE: "4", DB_STATEMENT_TIMEOUT_MS: "0" }, "postgres://x/y"),
    ).toMatchObject({ url: "postgres://x/y", poolSize: 4, statementTimeoutMs: 0 });
    expect(() => databaseConfigFromEnv({})).toThrow(/^DATABASE_URL is required/);
    expect(() =>
      databaseConfigFromEnv({ DATABASE_URL: "postgres://u@h/db", DB_POOL_SIZE: "1" }),
    ).toThrow("DB_POOL_SIZE must be between 2 and 1000, got 1");
  });

  it("lets metrics label only operation names listed in METRICS_OPERATIONS", () => {
    expect(metricsOperationsFromEnv({})).toEqual([]);
    expect(metricsOperationsFromEnv({ METRICS_OPERATIONS: " IncidentStory, ,Search_2 " })).toEqual([
      "IncidentStory",
      "Search_2",
    ]);
    expect(() => metricsOperationsFromEnv({ METRICS_OPERATIONS: "Good,not-a-name" })).toThrow(
      new ConfigError('METRICS_OPERATIONS: "not-a-name" is not an operation name'),
    );
  });

  it("serves /metrics openly in development, behind its token if set, not at all in production", () => {
    const token = "t".repeat(32);
    expect(metricsTokenFromEnv({})).toBeUndefined();
    expect(metricsTokenFromEnv({ NODE_ENV: "production" })).toBeNull();
    expect(metricsTokenFromEnv({ NODE_ENV: "production", METRICS_TOKEN: token })).toBe(token);
    expect(() => metricsTokenFromEnv({ METRICS_TOKEN: "short" })).toThrow(
      "METRICS_TOKEN must be at least 32 characters (got 5)",
    );
  });
});
