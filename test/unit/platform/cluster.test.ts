import { describe, expect, it } from "vitest";
import { workersFromEnv } from "../../../platform/config";
import { ConfigError } from "../../../platform/env";

// WORKERS: how many node:cluster workers a service runs on its port.
describe("platform > cluster > workersFromEnv", () => {
  it("reads WORKERS as 'auto' or 1 to 64, naming the variable otherwise", () => {
    expect(workersFromEnv({})).toBe(1);
    expect(workersFromEnv({ WORKERS: "auto" })).toBeGreaterThanOrEqual(1);
    expect(workersFromEnv({ WORKERS: "3" })).toBe(3);
    for (const bad of ["0", "65", "two", "-1", "1.5"]) {
      expect(() => workersFromEnv({ WORKERS: bad })).toThrow(ConfigError);
      expect(() => workersFromEnv({ WORKERS: bad })).toThrow(/WORKERS must be/);
    }
  });
});
