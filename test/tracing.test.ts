import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, inject, it } from "vitest";
import { freePort } from "../services/common/embedded-postgres";
import { projectPath } from "../services/common/paths";

// With OTEL_TRACING=true one trace follows a request from the gateway through the subgraph
// (HTTP, W3C trace context) down to its SQL statements.
describe("operations > tracing", () => {
  it("links gateway, subgraph and SQL spans in one trace", async () => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], {
      cwd: projectPath(),
      stdio: "ignore",
    });
    const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const child = spawn(process.execPath, [projectPath("dist", "scripts", "start.js")], {
      env: {
        ...process.env,
        DATABASE_URL: inject("datasetUrl"),
        SEED_ON_START: "false",
        MIGRATE_ON_START: "false",
        OTEL_TRACING: "true",
        OTEL_TRACES_EXPORTER: "console",
        LOG_LEVEL: "warn",
        GATEWAY_PORT: String(ports[0]),
        GOVERNMENTS_PORT: String(ports[1]),
        INCIDENTS_PORT: String(ports[2]),
        LEGAL_ACTIONS_PORT: String(ports[3]),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    for (let i = 0; i < 900 && !output.includes("gateway ready at"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output, output.slice(-2000)).toContain("gateway ready at");
    const response = await fetch(`http://127.0.0.1:${ports[0]}/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{ incident(id: "microsoft-exchange-2021") { name legalActions { nodes { id } } } }`,
      }),
    });
    expect(response.status).toBe(200);
    child.kill("SIGTERM");
    await once(child, "exit");

    const spans = [...output.matchAll(/traceId: '([0-9a-f]+)'[\s\S]*?name: '([^']+)'/g)].map(
      ([, traceId, name]) => ({
        traceId,
        name,
      }),
    );
    const request = spans.find((span) => span.name === "gateway.request");
    expect(request, output.slice(0, 2000)).toBeDefined();
    const sameTrace = spans
      .filter((span) => span.traceId === request!.traceId)
      .map((span) => span.name);
    expect(sameTrace).toContain("gateway.fetch");
    expect(sameTrace.filter((name) => name === "POST").length).toBeGreaterThanOrEqual(2);
    expect(sameTrace.some((name) => name.startsWith("pg.query:SELECT"))).toBe(true);
  }, 180_000);
});
