import { describe, expect, it } from "vitest";
import {
  ConfigError,
  getEnvBool,
  getEnvInt,
  getEnvPort,
  getEnvSecret,
  getEnvStr,
  getEnvUrl,
  redact,
} from "../../../platform/env";

/** The message of the ConfigError `read` throws. */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

// Every setting is read through one typed helper: blank means unset, and a bad value stops the
// process at once with the variable's name, never with a secret or a password in the message.
describe("platform > env", () => {
  it("trims values and treats blank ones as unset", () => {
    expect(getEnvStr({ A: "  x  " }, "A")).toBe("x");
    expect(getEnvStr({ A: "   " }, "A", "fallback")).toBe("fallback");
    expect(getEnvStr({}, "A")).toBeUndefined();
    expect(getEnvInt({ N: " " }, "N", 7)).toBe(7);
  });

  it("reads integers within their bounds", () => {
    expect(getEnvInt({ N: "42" }, "N", 0)).toBe(42);
    expect(getEnvInt({ N: "-3" }, "N", 0)).toBe(-3);
    expect(refusal(() => getEnvInt({ N: "4.2" }, "N", 0))).toBe('N must be an integer, got "4.2"');
    expect(refusal(() => getEnvInt({ N: "1e3" }, "N", 0))).toBe('N must be an integer, got "1e3"');
    expect(refusal(() => getEnvInt({ N: "0" }, "N", 5, { min: 1, max: 9 }))).toBe(
      "N must be between 1 and 9, got 0",
    );
    expect(getEnvPort({ PORT: "0" }, "PORT", 4000)).toBe(0);
    expect(refusal(() => getEnvPort({ PORT: "65536" }, "PORT", 4000))).toBe(
      "PORT must be between 0 and 65535, got 65536",
    );
  });

  it("reads booleans in the usual spellings, case ignored", () => {
    for (const yes of ["1", "true", "YES", "On"])
      expect(getEnvBool({ B: yes }, "B", false)).toBe(true);
    for (const no of ["0", "false", "No", "OFF"])
      expect(getEnvBool({ B: no }, "B", true)).toBe(false);
    expect(getEnvBool({}, "B", true)).toBe(true);
    expect(refusal(() => getEnvBool({ B: "maybe" }, "B", true))).toBe(
      'B must be true or false, got "maybe"',
    );
  });

  it("reads URLs of the allowed protocols, hiding a password in any message", () => {
    const url = "postgres://user:s3cret@db:5432/app";
    expect(getEnvUrl({ U: url }, "U", ["postgres:"])).toBe(url);
    expect(getEnvUrl({}, "U", ["redis:"], "redis://r:6379")).toBe("redis://r:6379");
    expect(getEnvUrl({}, "U", ["redis:"])).toBeUndefined();
    const wrong = refusal(() => getEnvUrl({ U: "mysql://user:s3cret@db/app" }, "U", ["postgres:"]));
    expect(wrong).toBe('U must use postgres:, got "mysql:" in "mysql://user:***@db/app"');
    expect(refusal(() => getEnvUrl({ U: "not a url" }, "U", ["postgres:"]))).toBe(
      'U must be a URL, got "not a url"',
    );
    expect(redact(url)).toBe("postgres://user:***@db:5432/app");
    expect(redact("postgres://user@db/app")).toBe("postgres://user@db/app");
  });

  it("wants a secret of 32 characters or more, and never echoes it", () => {
    const secret = "s".repeat(32);
    expect(getEnvSecret({ S: secret }, "S")).toBe(secret);
    expect(getEnvSecret({}, "S")).toBeUndefined();
    const message = refusal(() => getEnvSecret({ S: "short-secret" }, "S"));
    expect(message).toBe("S must be at least 32 characters (got 12)");
    expect(message).not.toContain("short-secret");
  });
});
