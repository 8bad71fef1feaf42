import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RESPONSE_CACHE } from "../../../gateway/response-cache";
import { httpRequest, postGraphQL } from "../../../scripts/graphql-client";
import { type SharedRedis, connectRedis } from "../../../platform/redis";
import { type RedisServer, startRedisServer } from "../../../harness/redis-server";
import { until } from "../../../harness/processes";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const READ = /* GraphQL */ `
  query Page($first: Int) {
    governments(first: $first) {
      nodes {
        name
      }
    }
  }
`;
const TAXII = "application/taxii+json;version=2.1";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

// A stalled Redis: a redis-server of the test's own, frozen with SIGSTOP, keeps its connections
// open and answers nothing. It once made every read wait 30 s for TIMEOUT and TAXII discovery
// hang while /health/ready said 200. Every command now has REDIS_COMMAND_TIMEOUT_MS (250 ms);
// past it the gateway and the subgraphs bypass Redis as when it is down (response cache and
// persisted queries bypassed, rate limits and nonces per process) until a PING answers again.
describe("gateway > redis > a frozen Redis costs one deadline, not the API", () => {
  let server: RedisServer;
  let redis: SharedRedis;
  let federation: TestFederation;
  let variant = 0;

  /** A read no earlier one asked (so never a cache hit), with its wall-clock time. */
  const timedRead = async () => {
    variant += 1;
    const started = performance.now();
    const answer = await federation.query<{ governments: { nodes: unknown[] } }>(READ, {
      first: variant,
    });
    return { answer, ms: performance.now() - started };
  };
  const health = async () => {
    const answer = await httpRequest<{ status: string; redis: string }>(
      new URL("health/ready", federation.gatewayUrl),
    );
    return { status: answer.status, body: answer.json! };
  };

  beforeAll(async () => {
    server = await startRedisServer();
    redis = connectRedis({ url: server.url, commandTimeoutMs: 250 }, "test");
    await until(
      () => redis.state,
      (state) => state === "up",
      10_000,
    );
    federation = await startTestFederation(undefined, {
      redis,
      responseCache: DEFAULT_RESPONSE_CACHE,
    });
  });
  afterAll(async () => {
    await federation?.stop();
    await redis?.quit();
    await server?.stop();
  });

  let normal: number[] = [];

  it("answers reads through Redis when it answers", async () => {
    await timedRead(); // warm: query plans, connections
    for (let i = 0; i < 6; i++) {
      const { answer, ms } = await timedRead();
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-cache")).toBe("MISS");
      normal.push(ms);
    }
    expect(await health()).toEqual({
      status: 200,
      body: expect.objectContaining({ status: "ok", redis: "ok" }),
    });
    normal = normal.sort((a, b) => a - b);
  });

  it("keeps reads at their normal latency while Redis is frozen", async () => {
    server.process.kill("SIGSTOP");
    const frozen: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { answer, ms } = await timedRead();
      expect(answer.status, JSON.stringify(answer.errors)).toBe(200);
      expect(answer.data?.governments.nodes.length).toBeGreaterThan(0);
      expect(answer.headers.get("x-cache")).toBe("MISS");
      frozen.push(ms);
    }
    // The first read pays one command deadline (250 ms); the next bypass Redis altogether.
    for (const ms of frozen) expect(ms).toBeLessThan(1_000);
    expect(median(frozen)).toBeLessThan(5 * median(normal) + 100);
  });

  it("answers TAXII discovery and a persisted query while Redis is frozen", async () => {
    const started = performance.now();
    const discovery = await httpRequest(new URL("taxii2/", federation.gatewayUrl), {
      headers: { accept: TAXII },
    });
    expect(discovery.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
    const query = '{ government(id: "fr") { name } }';
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const registered = await postGraphQL<{ government: { name: string } }>(federation.gatewayUrl, {
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash } },
    });
    expect(registered.data?.government.name).toBe("France");
  });

  it("says so on /health/ready without leaving the pool: 200, degraded, redis timeout", async () => {
    expect(await health()).toEqual({
      status: 200,
      body: expect.objectContaining({ status: "degraded", redis: "timeout" }),
    });
  });

  it("shares state through Redis again once it thaws", async () => {
    server.process.kill("SIGCONT");
    const healed = await until(health, ({ body }) => body.redis === "ok", 10_000);
    expect(healed.body.status).toBe("ok");
    variant += 1;
    const first = await federation.query(READ, { first: variant });
    const again = await federation.query(READ, { first: variant });
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(again.headers.get("x-cache")).toBe("HIT");
  });
});
