import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../platform/env";
import { gatewayUrlFromEnv, graphUrl, UsageError } from "../../../scripts/cli";
import { readableLogLine } from "../../../scripts/console-lines";

// The CLIs talk to the gateway `npm start` runs with the same settings (issue 25).
describe("scripts > cli > the graph's address", () => {
  it("is ATTRIBUTION_GRAPH_URL, else HOST and GATEWAY_PORT as npm start listens", () => {
    expect(gatewayUrlFromEnv({})).toBe("http://127.0.0.1:4000/");
    expect(gatewayUrlFromEnv({ GATEWAY_PORT: "4100" })).toBe("http://127.0.0.1:4100/");
    expect(gatewayUrlFromEnv({ HOST: "0.0.0.0", GATEWAY_PORT: "4100" })).toBe(
      "http://127.0.0.1:4100/",
    );
    expect(gatewayUrlFromEnv({ HOST: "::1" })).toBe("http://[::1]:4000/");
    expect(
      gatewayUrlFromEnv({ ATTRIBUTION_GRAPH_URL: "https://cti.example.org/", GATEWAY_PORT: "1" }),
    ).toBe("https://cti.example.org/");
  });

  it("names the variable or option that is wrong", () => {
    expect(() => gatewayUrlFromEnv({ GATEWAY_PORT: "lots" })).toThrow(ConfigError);
    expect(() => gatewayUrlFromEnv({ ATTRIBUTION_GRAPH_URL: "ftp://x/" })).toThrow(
      /ATTRIBUTION_GRAPH_URL must use http: or https:/,
    );
    expect(() => graphUrl("localhost:4000")).toThrow(UsageError);
    expect(graphUrl("http://127.0.0.1:4100")).toBe("http://127.0.0.1:4100/");
  });
});

describe("scripts > console-lines > a service's JSON log line in a terminal", () => {
  it("reads as level, message and fields; an error's stack below", () => {
    const line = JSON.stringify({
      level: 40,
      time: 1,
      pid: 2,
      hostname: "h",
      service: "gateway",
      requestId: "r-1",
      operation: "IncidentStory",
      ms: 12,
      failed: true,
      msg: "graphql request failed",
    });
    expect(readableLogLine(line)).toBe(
      "warn graphql request failed requestId=r-1 operation=IncidentStory ms=12 failed=true",
    );
    const error = JSON.stringify({
      level: 50,
      msg: "boom",
      err: { message: "boom", stack: "Error: boom\n    at x" },
    });
    expect(readableLogLine(error)).toBe("error boom\nError: boom\n    at x");
    expect(readableLogLine(JSON.stringify({ level: 30, msg: "ready", path: "a b" }))).toBe(
      'ready path="a b"',
    );
  });

  it("leaves any other line as it is", () => {
    expect(readableLogLine("governments subgraph ready at http://127.0.0.1:4001/")).toBe(
      "governments subgraph ready at http://127.0.0.1:4001/",
    );
    expect(readableLogLine("{not json")).toBe("{not json");
    expect(readableLogLine('{"a":1}')).toBe('{"a":1}');
  });
});
