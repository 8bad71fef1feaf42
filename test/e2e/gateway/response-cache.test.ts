import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CacheInvalidation, DEFAULT_RESPONSE_CACHE } from "../../../gateway/response-cache";
import { datasetDatabase, dropDatabase } from "../../../harness/database";
import { sendGraphQL } from "../../../scripts/graphql-client";
import { type TestFederation, postToSubgraph, startTestFederation } from "../../helpers/federation";

const GOVERNMENT = /* GraphQL */ `
  query Government($id: ID!) {
    government(id: $id) {
      id
      name
      sponsoredActors {
        nodes {
          id
        }
      }
    }
  }
`;

const UPSERT_GOVERNMENT = /* GraphQL */ `
  mutation UpsertGovernment($input: GovernmentInput!, $sources: [SourceInput!]) {
    upsertGovernment(input: $input, sources: $sources) {
      action
    }
  }
`;

const SOURCES = [{ key: "s", publisher: "P", title: "T", language: "en" }];

interface Answer {
  body: any;
  headers: Headers;
  /** SQL statements all subgraphs ran while answering. */
  statements: number;
}

/** The gateway's answer to `query`, with the SQL it cost. */
async function ask(
  federation: TestFederation,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<Answer> {
  const before = federation.statementCount();
  const { json, headers } = await sendGraphQL(
    federation.gatewayUrl,
    { query, variables },
    { token },
  );
  return { body: json, headers, statements: federation.statementCount() - before };
}

// Anonymous reads are answered from the gateway's memory; a read with a key always runs; a write
// through the gateway drops every cached read before its answer leaves.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
beforeAll(async () => {
  databaseUrl = await datasetDatabase(serverUrl, "response_cache");
  federation = await startTestFederation(databaseUrl, {
    responseCache: DEFAULT_RESPONSE_CACHE,
  });
  editor = await federation.token("editor");
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

const read = (variables: Record<string, unknown>, token?: string) =>
  ask(federation, GOVERNMENT, variables, token);
const upsert = (input: Record<string, unknown>) =>
  ask(federation, UPSERT_GOVERNMENT, { input, sources: SOURCES }, editor);

// Anonymous reads come from memory, per set of variables; keyed reads always run; subgraphs
// mark query answers cacheable.
describe("gateway > response cache > reads", () => {
  it("answers the same anonymous query a second time from memory, without SQL", async () => {
    const first = await read({ id: "cn" });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.government.sponsoredActors.nodes.length).toBeGreaterThan(0);
    expect(first.statements).toBeGreaterThan(0);
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(first.headers.get("cache-control")).toBe("max-age=30, public");

    const second = await read({ id: "cn" });
    expect(second.statements).toBe(0);
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.headers.get("cache-control")).toBe("max-age=30, public");
    expect(second.headers.get("age")).toMatch(/^\d+$/);
    expect(second.body).toEqual(first.body);
  });

  it("keeps one entry per set of variables", async () => {
    const us = await read({ id: "us" });
    const gb = await read({ id: "gb" });
    expect([us.headers.get("x-cache"), gb.headers.get("x-cache")]).toEqual(["MISS", "MISS"]);
    expect(gb.statements).toBeGreaterThan(0);
    expect(gb.body.data.government.id).toBe("gb");
    const usAgain = await read({ id: "us" });
    const gbAgain = await read({ id: "gb" });
    expect([usAgain.statements, gbAgain.statements]).toEqual([0, 0]);
    expect(usAgain.body.data.government.id).toBe("us");
    expect(gbAgain.body.data.government.id).toBe("gb");
  });

  it("never answers a request with an API key from the cache, nor stores its answer", async () => {
    const reader = await federation.token("reader");
    for (let i = 0; i < 2; i++) {
      const keyed = await read({ id: "ir" }, reader);
      expect(keyed.body.errors).toBeUndefined();
      expect(keyed.statements).toBeGreaterThan(0);
      expect(keyed.headers.get("x-cache")).toBeNull();
      expect(keyed.headers.get("cache-control")).toBe("max-age=30, private");
    }
    const anonymous = await read({ id: "ir" });
    expect(anonymous.headers.get("x-cache")).toBe("MISS");
    expect(anonymous.statements).toBeGreaterThan(0);
    expect((await read({ id: "ir" }, reader)).statements).toBeGreaterThan(0);
  });

  it("has subgraphs mark query answers cacheable and mutation answers not", async () => {
    const governments = federation.subgraphs.find((s) => s.name === "governments")!;
    const query = await postToSubgraph(
      governments,
      { query: `{ government(id: "cn") { name } }` },
      { keyId: null, role: "reader" },
    );
    expect(query.errors).toBeUndefined();
    expect(query.headers.get("cache-control")).toBe("max-age=30, public");

    const mutation = await postToSubgraph<any>(
      governments,
      { query: `mutation { deleteGovernment(id: "response-cache-never-existed") { action } }` },
      { keyId: "test", role: "editor" },
    );
    expect(mutation.data.deleteGovernment.action).toBe("UNCHANGED");
    expect(mutation.headers.get("cache-control")).toBe("no-store");
  });
});

// A write drops every cached read before its answer leaves, in every process; errors are not cached.
describe("gateway > response cache > writes and errors", () => {
  it("shows a write through the gateway to the very next read, then caches again", async () => {
    const id = "response-cache-test-state";
    expect((await upsert({ id, name: "Before", kind: "STATE", sources: ["s"] })).body.errors).toBe(
      undefined,
    );
    expect((await read({ id })).body.data.government.name).toBe("Before");
    expect((await read({ id })).headers.get("x-cache")).toBe("HIT");

    const write = await upsert({ id, name: "After", kind: "STATE", sources: ["s"] });
    expect(write.body.data.upsertGovernment.action).toBe("UPDATED");
    expect(write.headers.get("cache-control")).toBe("no-store");
    expect(write.headers.get("x-cache")).toBeNull();

    const next = await read({ id });
    expect(next.headers.get("x-cache")).toBe("MISS");
    expect(next.statements).toBeGreaterThan(0);
    expect(next.body.data.government).toEqual({
      id,
      name: "After",
      sponsoredActors: { nodes: [] },
    });
    const cached = await read({ id });
    expect(cached.headers.get("x-cache")).toBe("HIT");
    expect(cached.statements).toBe(0);
    expect(cached.body).toEqual(next.body);

    // Every cached read is dropped, not only those of the written record.
    expect((await read({ id: "cn" })).headers.get("x-cache")).toBe("MISS");

    const deleted = await ask(
      federation,
      `mutation { deleteGovernment(id: "${id}") { action } }`,
      {},
      editor,
    );
    expect(deleted.body.data.deleteGovernment.action).toBe("DELETED");
    expect((await read({ id })).body.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("answers a write only once every process has dropped its reads (pluggable invalidation)", async () => {
    const drops: (() => void)[] = [];
    const events: string[] = [];
    const slowBroadcast: CacheInvalidation = {
      async publish() {
        events.push("published");
        await new Promise((resolve) => setTimeout(resolve, 100));
        for (const drop of drops) drop();
        events.push("dropped everywhere");
      },
      subscribe: (drop) => void drops.push(drop),
    };
    const gateway = await startTestFederation(databaseUrl, {
      responseCache: DEFAULT_RESPONSE_CACHE,
      cacheInvalidation: slowBroadcast,
    });
    try {
      const cn = () => ask(gateway, GOVERNMENT, { id: "cn" });
      await cn();
      expect((await cn()).headers.get("x-cache")).toBe("HIT");
      // Another process's write reaches this one as a drop.
      for (const drop of drops) drop();
      expect((await cn()).headers.get("x-cache")).toBe("MISS");
      expect((await cn()).headers.get("x-cache")).toBe("HIT");

      const write = await ask(
        gateway,
        `mutation { deleteGovernment(id: "response-cache-never-existed") { action } }`,
        {},
        await gateway.token("editor"),
      );
      events.push("answered");
      expect(write.body.data.deleteGovernment.action).toBe("UNCHANGED");
      expect(events).toEqual(["published", "dropped everywhere", "answered"]);
      expect((await cn()).headers.get("x-cache")).toBe("MISS");
    } finally {
      await gateway.stop();
    }
  });

  it("does not cache an answer with errors", async () => {
    for (let i = 0; i < 2; i++) {
      const missing = await read({ id: "no-such-government" });
      expect(missing.body.errors?.[0].extensions?.code).toBe("NOT_FOUND");
      expect(missing.statements).toBeGreaterThan(0);
      expect(missing.headers.get("x-cache")).toBe("MISS");
      expect(missing.headers.get("cache-control")).toBe("no-store");
    }
  });
});

// With the response cache off, every read runs its SQL and is marked no-store.
describe("gateway > response cache turned off", () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation(undefined, { responseCache: false });
  });
  afterAll(async () => {
    await federation?.stop();
  });

  it("runs every read", async () => {
    for (let i = 0; i < 2; i++) {
      const answer = await ask(federation, GOVERNMENT, { id: "cn" });
      expect(answer.body.errors).toBeUndefined();
      expect(answer.statements).toBeGreaterThan(0);
      expect(answer.headers.get("x-cache")).toBeNull();
      expect(answer.headers.get("cache-control")).toBe("no-store");
    }
  });
});
