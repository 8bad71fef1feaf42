import { execFileSync } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { projectPath } from "../../../platform/paths";
import { buildServer } from "../../helpers/build";
import { startNpmStart } from "../../../harness/npm-start";

// With OTEL_TRACING=true one trace follows a request from the gateway through the subgraph
// (HTTP, W3C trace context) down to its SQL statements.
describe("platform > tracing", () => {
  it("links gateway, subgraph and SQL spans in one trace", async () => {
    await buildServer();
    const npmStart = await startNpmStart(inject("datasetUrl"), {
      SEED_ON_START: "false",
      MIGRATE_ON_START: "false",
      // The galaxy load's writes would flood the span queue (the SDK drops spans past 2,048).
      LOAD_MISP_ON_START: "false",
      OTEL_TRACING: "true",
      OTEL_TRACES_EXPORTER: "console",
    });
    const answer = await npmStart.query(
      `{ incident(id: "microsoft-exchange-2021") { name legalActions { nodes { id } } } }`,
    );
    expect(answer.status).toBe(200);
    await npmStart.stop();
    const output = npmStart.output();

    // Services print at once: read each one's lines on their own so spans do not interleave.
    const spans = ["gateway", "governments", "incidents", "legal-actions"].flatMap((service) => {
      const prefix = new RegExp(`^${service} *\\| ?(.*)$`, "gm");
      const lines = [...output.matchAll(prefix)].map(([, line]) => line).join("\n");
      return [...lines.matchAll(/traceId: '([0-9a-f]+)'[\s\S]*?name: '([^']+)'/g)].map(
        ([, traceId, name]) => ({ traceId, name }),
      );
    });
    const request = spans.find((span) => span.name === "gateway.request");
    expect(request, output.slice(-3000)).toBeDefined();
    const sameTrace = spans
      .filter((span) => span.traceId === request!.traceId)
      .map((span) => span.name);
    expect(sameTrace).toContain("gateway.fetch");
    expect(sameTrace.filter((name) => name === "POST").length).toBeGreaterThanOrEqual(2);
    expect(sameTrace.some((name) => name.startsWith("pg.query:SELECT"))).toBe(true);
  }, 180_000);

  it("loads no OpenTelemetry SDK when tracing is off (the default)", async () => {
    await buildServer();
    const loaded = (tracing: boolean) =>
      execFileSync(
        process.execPath,
        [
          "--eval",
          `require("./dist/platform/tracing").startTracing({ enabled: ${tracing}, serviceName: "t", exporter: "console" });
           console.log(Object.keys(require.cache).some((path) => path.includes("@opentelemetry/sdk-node")));`,
        ],
        { cwd: projectPath(), encoding: "utf8" },
      ).trim();
    expect(loaded(false)).toBe("false");
    expect(loaded(true)).toBe("true");
  });
});
