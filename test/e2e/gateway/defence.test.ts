import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBundle } from "../../../scripts/bundle-io";
import { httpRequest, sendGraphQL } from "../../../scripts/graphql-client";
import { startProxy } from "../../helpers/proxy";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const HEAVY = /* GraphQL */ `
  query Heavy {
    statements(first: 100) {
      nodes {
        id
        quotes {
          text
        }
        attributions(first: 20) {
          nodes {
            id
            attributedBy {
              nodes {
                name
              }
            }
          }
        }
      }
    }
  }
`;

// The findings of the attacker's probe of the first release, each sent again: the service
// answers with the right code, keeps answering, and the stored data is unchanged.
describe("gateway > defence in depth", () => {
  let federation: TestFederation;
  let before: string;
  beforeAll(async () => {
    federation = await startTestFederation(undefined, {
      limits: { maxConcurrentPerClient: 4, maxQueuedRequests: 8, queueTimeoutMs: 15_000 },
    });
    before = JSON.stringify(await exportBundle({ url: federation.gatewayUrl }));
  });
  afterAll(async () => {
    expect(JSON.stringify(await exportBundle({ url: federation.gatewayUrl }))).toBe(before);
    await federation?.stop();
  });

  it("refuses a variable nested 10,000 deep with BAD_USER_INPUT, not a 500", async () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    const response = await sendGraphQL<any>(
      federation.gatewayUrl,
      `{"query":"{ __typename }","variables":{"unused":${deep}}}`,
    );
    expect(response.status).toBe(400);
    const body = response.json;
    expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(body.errors[0].message).toMatch(/nested deeper than 32 levels/);
  });

  it("refuses a number out of range instead of storing null", async () => {
    const response = await sendGraphQL<any>(
      federation.gatewayUrl,
      `{"query":"query ($s: Int) { attributions(filter: { minConfidenceScore: $s }) { totalCount } }","variables":{"s":1e309}}`,
    );
    const body = response.json;
    expect(response.status).toBe(400);
    expect(body.errors[0].extensions.problems).toEqual([
      { path: ["variables", "s"], message: "is a number out of range" },
    ]);
  });

  it("keeps client-chosen operation names out of the metrics", async () => {
    for (let i = 0; i < 20; i++) {
      const name = `Op${i}${"x".repeat(20_000)}`;
      await sendGraphQL<any>(federation.gatewayUrl, {
        query: `query ${name} { __typename }`,
        operationName: name,
      });
    }
    const metrics = (await httpRequest(new URL("metrics", federation.gatewayUrl))).text;
    expect(metrics.length).toBeLessThan(200_000);
    expect(metrics).toMatch(/graphql_requests_total\{[^}]*operation="other"/);
    expect(metrics).not.toMatch(/xxxxxxxxxx/);
  });

  it("queues what one client sends beyond its share, refuses what overflows, answers health throughout", async () => {
    let healthChecks = 0;
    let slowest = 0;
    let running = true;
    const health = (async () => {
      while (running) {
        const started = Date.now();
        const live = await httpRequest(new URL("health/live", federation.gatewayUrl));
        expect(live.status).toBe(200);
        slowest = Math.max(slowest, Date.now() - started);
        healthChecks += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        sendGraphQL<any>(federation.gatewayUrl, { query: HEAVY }).then((r) => ({
          status: r.status,
          retryAfter: r.headers.get("retry-after"),
          body: r.json,
        })),
      ),
    );
    running = false;
    await health;
    // 4 run and 8 wait (more once the first finish); the rest are refused at once, with a hint.
    const refused = answers.filter((a) => a.status === 503);
    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    expect(answers.length - refused.length).toBeGreaterThanOrEqual(12);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.every((a) => a.retryAfter === "1")).toBe(true);
    expect(refused[0].body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
    expect(healthChecks).toBeGreaterThan(0);
    // A liveness probe's own deadline, not a benchmark: it must never hang behind the queue.
    expect(slowest).toBeLessThan(1_000);
    const after = await sendGraphQL<any>(federation.gatewayUrl, { query: "{ __typename }" });
    expect(after.status).toBe(200);
  });
});

// A client that leaves frees its admission slot; a request past REQUEST_TIMEOUT_MS is answered
// TIMEOUT; /metrics needs its token; unknown keys meet the per-address rate limit first.
describe("gateway > request deadline and metrics access", () => {
  it("frees the slot of a client that leaves while its request waits for one", async () => {
    const proxy = await startProxy({ delayMs: 1_500 });
    const federation = await startTestFederation(undefined, {
      limits: { maxConcurrentPerClient: 1, maxQueuedRequests: 10, queueTimeoutMs: 2_000 },
      subgraphUrls: { incidents: proxy.url },
    });
    try {
      proxy.forwardTo(federation.subgraphs.find((s) => s.name === "incidents")!.url);
      const slow = sendGraphQL<any>(federation.gatewayUrl, {
        query: "{ incidents { totalCount } }",
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Queued behind the slow one, then gone before a slot frees up.
      const leaving = await Promise.allSettled(
        Array.from({ length: 3 }, () =>
          sendGraphQL(
            federation.gatewayUrl,
            { query: "{ __typename }" },
            { signal: AbortSignal.timeout(300) },
          ),
        ),
      );
      expect(leaving.every((outcome) => outcome.status === "rejected")).toBe(true);
      expect((await slow).status).toBe(200);
      // Had a leaver taken the only slot with it, this would wait out the queue and get 503.
      const next = await sendGraphQL<any>(federation.gatewayUrl, { query: "{ __typename }" });
      expect(next.status).toBe(200);
    } finally {
      await federation.stop();
      await proxy.close();
    }
  });

  it("answers TIMEOUT when a request runs past REQUEST_TIMEOUT_MS, then keeps serving", async () => {
    const proxy = await startProxy({ delayMs: 1_500 });
    const federation = await startTestFederation(undefined, {
      limits: { requestTimeoutMs: 300 },
      subgraphUrls: { incidents: proxy.url },
    });
    try {
      proxy.forwardTo(federation.subgraphs.find((s) => s.name === "incidents")!.url);
      const slow = await sendGraphQL<any>(federation.gatewayUrl, {
        query: "{ incidents { totalCount } }",
      });
      expect(slow.status).toBe(503);
      expect(slow.json.errors[0].extensions.code).toBe("TIMEOUT");
      const fast = await federation.query(`{ government(id: "us") { name } }`);
      expect(fast.errors).toBeUndefined();
    } finally {
      await federation.stop();
      await proxy.close();
    }
  });

  it("serves /metrics only with its token, and not at all in production without one", async () => {
    const token = "m".repeat(32);
    const guarded = await startTestFederation(undefined, { metricsToken: token });
    const production = await startTestFederation(undefined, {
      production: true,
      introspection: false,
    });
    try {
      const metrics = (url: string, token?: string) =>
        httpRequest(new URL("metrics", url), { token });
      expect((await metrics(guarded.gatewayUrl)).status).toBe(401);
      expect((await metrics(guarded.gatewayUrl, "wrong")).status).toBe(401);
      expect((await metrics(guarded.gatewayUrl, token)).status).toBe(200);
      expect((await metrics(guarded.subgraphs[0].url, token)).status).toBe(200);
      expect((await metrics(production.gatewayUrl)).status).toBe(404);
      expect((await metrics(production.subgraphs[0].url)).status).toBe(404);
    } finally {
      await guarded.stop();
      await production.stop();
    }
  });

  it("limits a flood of unknown keys by address before looking any up", async () => {
    const federation = await startTestFederation(undefined, { limits: { rateLimitPerMinute: 20 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const token = `ag_${"0".repeat(12)}_${String(i).padStart(43, "x")}`;
        const response = await sendGraphQL(
          federation.gatewayUrl,
          { query: "{ __typename }" },
          { token },
        );
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    } finally {
      await federation.stop();
    }
  });
});
