import { type GraphQLRequest, sendGraphQL } from "../../../scripts/graphql-client";
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_LIMITS } from "../../../gateway/limits";
import { persistedQueries } from "../../../gateway/persisted-queries";
import { setLogDestination } from "../../../platform/observability";
import { type SharedRedis, connectRedis } from "../../../platform/redis";
import { type RedisServer, startRedisServer } from "../../../harness/redis-server";
import { until } from "../../../harness/processes";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const STORE_BYTES = 64 * 1024;

// Automatic persisted queries, as an anonymous attacker uses them: 40 registrations of
// `{ __typename }` followed by a 1 MB comment once put 40 keys of 1 MB, without TTL, in Redis.
// A query's size is now limited in UTF-8 bytes whatever it holds (MAX_QUERY_BYTES, 32 KiB), every
// stored query has a TTL (APQ_TTL_SECONDS) and the store a size (APQ_MAX_BYTES); a wrong hash or
// version is a client error (400 BAD_REQUEST) logged at info, never an internal error with a stack.
let server: RedisServer;
let redis: SharedRedis;
let inspect: Redis;
let federation: TestFederation;
const lines: { level: number; code?: string; msg: string }[] = [];
const consoleErrors = vi.spyOn(console, "error");

const post = async (body: GraphQLRequest) => {
  const answer = await sendGraphQL<any>(federation.gatewayUrl, body);
  return { status: answer.status, body: answer.json };
};
const register = (query: string, hash = sha256(query), version: unknown = 1) =>
  post({ query, extensions: { persistedQuery: { version, sha256Hash: hash } } });
const storedKeys = () => inspect.keys("attribution-graph:apq:*");

beforeAll(async () => {
  server = await startRedisServer();
  redis = connectRedis({ url: server.url, commandTimeoutMs: 250 }, "test");
  inspect = new Redis(server.url);
  await until(
    () => redis.state,
    (state) => state === "up",
    10_000,
  );
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
  });
  process.env.LOG_LEVEL = "info";
  setLogDestination(stream);
  federation = await startTestFederation(undefined, { redis });
});
afterAll(async () => {
  setLogDestination(undefined);
  process.env.LOG_LEVEL = "silent";
  consoleErrors.mockRestore();
  await federation?.stop();
  await redis?.quit();
  inspect?.disconnect();
  await server?.stop();
});

describe("gateway > persisted queries > bounded in bytes and time", () => {
  it("refuses 40 registrations of { __typename } with a 1 MB comment, storing nothing", async () => {
    for (let i = 0; i < 40; i++) {
      const query = `{ __typename }\n# ${i} ${"x".repeat(1_000_000)}`;
      const answer = await register(query);
      expect(answer.status).toBe(413);
      expect(answer.body.errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
      expect(answer.body.errors[0].message).toMatch(/at most 32768 are accepted/);
    }
    expect(await storedKeys()).toEqual([]);
    // The same without the extension: the size limit is the query's, persisted or not.
    expect((await post({ query: `{ __typename } #${"x".repeat(40_000)}` })).status).toBe(413);
  });

  it("counts bytes, not characters: 20,000 euro signs are 60,000 bytes", async () => {
    expect(20_000 * "€".length).toBeLessThan(DEFAULT_LIMITS.maxQueryBytes);
    const answer = await post({ query: `{ __typename } #${"€".repeat(20_000)}` });
    expect(answer.status).toBe(413);
    expect(answer.body.errors[0].message).toMatch(/the query is 600\d\d bytes/);
    const under = await post({ query: `{ __typename } #${"é".repeat(10_000)}` });
    expect(under.body).toEqual({ data: { __typename: "Query" } });
  });

  it("stores a registered query with a TTL, and runs it by its hash", async () => {
    const query = '{ government(id: "fr") { name } }';
    expect((await register(query)).body.data.government.name).toBe("France");
    const [key] = await until(storedKeys, (keys) => keys.length === 1, 5_000);
    expect(key).toBe(`attribution-graph:apq:apq:${sha256(query)}`);
    const ttl = await inspect.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(24 * 60 * 60);
    const byHash = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
    });
    expect(byHash.body.data.government.name).toBe("France");
  });

  it("holds at most APQ_MAX_BYTES in Redis, dropping the oldest queries first", async () => {
    // This federation's store is the default 16 MiB: a capped store of its own, on the same Redis.
    const capped = persistedQueries({ ttlSeconds: 3600, maxBytes: STORE_BYTES }, redis).cache;
    const queries = Array.from(
      { length: 12 },
      (_, i) => `{ __typename } # ${i} ${"y".repeat(10_000)}`,
    );
    for (const [i, query] of queries.entries()) await capped.set(`capped:${i}`, query);
    const total = Number(await inspect.get("attribution-graph:apq-bytes"));
    expect(total).toBeLessThanOrEqual(STORE_BYTES);
    expect(await capped.get("capped:0")).toBeUndefined();
    expect(await capped.get("capped:11")).toBe(queries[11]);
  });

  it("drops the oldest first among queries stored within one millisecond", async () => {
    const capped = persistedQueries({ ttlSeconds: 3600, maxBytes: STORE_BYTES }, redis).cache;
    const queries = Array.from(
      { length: 12 },
      (_, i) => `{ __typename } # burst ${i} ${"z".repeat(10_000)}`,
    );
    // Sent together: one connection runs them in this order, most within one millisecond; by
    // key order "burst:10" and "burst:11" come before "burst:2".
    await Promise.all(queries.map((query, i) => capped.set(`burst:${i}`, query)));
    const kept = await Promise.all(queries.map((_, i) => capped.get(`burst:${i}`)));
    const first = kept.findIndex((query) => query !== undefined);
    expect(first).toBeGreaterThan(0);
    expect(kept.slice(first)).toEqual(queries.slice(first));
  });

  it("keeps the store in this process under its byte size when there is no Redis", async () => {
    const local = persistedQueries({ ttlSeconds: 3600, maxBytes: 1_000 }).cache;
    await local.set("a", "é".repeat(200)); // 400 bytes, 200 characters
    await local.set("b", "é".repeat(200));
    await local.set("c", "é".repeat(200));
    expect(await local.get("a")).toBeUndefined();
    expect(await local.get("c")).toBe("é".repeat(200));
  });

  it("answers APQ protocol errors as client errors, logged at info without a stack", async () => {
    const query = "{ __typename }";
    const unknown = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256("never registered") } },
    });
    expect(unknown.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const wrongHash = await register(query, sha256("another query"));
    expect(wrongHash.status).toBe(400);
    expect(wrongHash.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/is not the SHA-256 of the query/),
      extensions: { code: "BAD_REQUEST" },
    });
    const version2 = await register(query, sha256(query), 2);
    expect(version2.status).toBe(400);
    expect(version2.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    const notAHash = await register(query, "not-a-hash");
    expect(notAHash.status).toBe(400);
    expect(notAHash.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines.filter((line) => line.level >= 40)).toEqual([]);
    expect(lines.filter((line) => line.code === "BAD_REQUEST")).toHaveLength(3);
    expect(consoleErrors).not.toHaveBeenCalled();
  });
});
