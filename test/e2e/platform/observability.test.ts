import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setLogDestination } from "../../../platform/observability";
import { httpRequest, postGraphQL } from "../../../scripts/graphql-client";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import { INCIDENT_STORY } from "../../../harness/queries/cross-source";

// Operators see every request (LOG_LEVEL=debug; by default only slow and failed ones): JSON logs that share the gateway's request id across services,
// and Prometheus metrics on every service.
describe("platform > observability > logs and metrics", () => {
  const lines: Record<string, unknown>[] = [];
  let federation: TestFederation;
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    });
    process.env.LOG_LEVEL = "debug";
    setLogDestination(stream);
    federation = await startTestFederation();
  });
  afterAll(async () => {
    setLogDestination(undefined);
    process.env.LOG_LEVEL = "silent";
    await federation?.stop();
  });

  it("logs one JSON line per request in every service it touches, all with the request id", async () => {
    lines.length = 0;
    const response = await postGraphQL(
      federation.gatewayUrl,
      {
        query: INCIDENT_STORY,
        operationName: "IncidentStory",
        variables: { id: "microsoft-exchange-2021" },
      },
      { headers: { "x-request-id": "trace-me-42" } },
    );
    expect(response.headers.get("x-request-id")).toBe("trace-me-42");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const traced = lines.filter((line) => line.requestId === "trace-me-42");
    expect(new Set(traced.map((line) => line.service))).toEqual(
      new Set(["gateway", "governments", "incidents", "legal-actions"]),
    );
    expect(traced.find((line) => line.service === "gateway")).toMatchObject({
      operation: "IncidentStory",
      failed: false,
    });
  });

  it("serves Prometheus metrics on the gateway and on every subgraph", async () => {
    await federation.query(INCIDENT_STORY, { id: "microsoft-exchange-2021" });
    const gateway = (await httpRequest(new URL("metrics", federation.gatewayUrl))).text;
    expect(gateway).toMatch(
      /graphql_requests_total\{operation="IncidentStory",outcome="ok",service="gateway"\} \d+/,
    );
    expect(gateway).toMatch(
      /subgraph_fetch_duration_seconds_count\{[^}]*subgraph="legal-actions"[^}]*\} [1-9]/,
    );
    expect(gateway).toMatch(/graphql_request_duration_seconds_bucket/);
    for (const subgraph of federation.subgraphs) {
      const text = (await httpRequest(new URL("metrics", subgraph.url))).text;
      expect(text).toMatch(new RegExp(`db_pool_connections\\{[^}]*state="total"[^}]*\\} \\d+`));
      expect(text).toMatch(/graphql_requests_total/);
    }
  });

  it("counts errors by code", async () => {
    await federation.query(`{ government(id: "nowhere") { id } }`);
    const gateway = (await httpRequest(new URL("metrics", federation.gatewayUrl))).text;
    expect(gateway).toMatch(/graphql_errors_total\{[^}]*code="NOT_FOUND"[^}]*\} [1-9]/);
  });
});
