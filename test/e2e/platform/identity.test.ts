import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { IDENTITY_CLAIMS_HEADER } from "../../../gateway/subgraph-fetch";
import { exportBundle } from "../../../scripts/bundle-io";
import { type GraphQLBody, httpRequest, sendGraphQL } from "../../../scripts/graphql-client";
import {
  IDENTITY_HEADER,
  IDENTITY_TTL_SECONDS,
  type Identity,
  signRequest,
} from "../../../platform/identity";
import type { RunningSubgraph } from "../../../services/kit/subgraph";
import { datasetDatabase, dropDatabase } from "../../../harness/database";
import { type Captured, startProxy } from "../../helpers/proxy";
import {
  TEST_IDENTITY_SECRET,
  type TestFederation,
  postToSubgraph,
  startTestFederation,
} from "../../helpers/federation";

const ACTOR_READ = /* GraphQL */ `
  {
    threatActor(id: "apt40") {
      name
    }
  }
`;

const UPSERT_ACTOR = JSON.stringify({
  query: /* GraphQL */ `
    mutation ($input: ThreatActorInput!, $sources: [SourceInput!]) {
      upsertThreatActor(input: $input, sources: $sources) {
        action
      }
    }
  `,
  variables: {
    input: { id: "replayed-actor", name: "Replayed", kind: "CRIMINAL", sources: ["s"] },
    sources: [{ key: "s", publisher: "P", title: "T", language: "en" }],
  },
});

const HISTORY_BY_ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on ThreatActor {
        history {
          totalCount
          nodes {
            keyId
          }
        }
      }
    }
  }
`;

const MEMBERS_BY_ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Government {
        members(first: 100) {
          nodes {
            name
          }
        }
      }
    }
  }
`;

/** `levels` connections nested in `government`, each `first: 100`: 100^levels governments. */
const amplification = (levels: number) =>
  `{ government(id:"us") { ${Array.from(
    { length: levels },
    (_, i) => `${i % 2 ? "members" : "memberOf"}(first:100) { nodes { `,
  ).join("")}id${" } }".repeat(levels)} } }`;

const READER: Identity = { keyId: null, role: "reader" };
const READER_KEY: Identity = { keyId: "identity-reader", role: "reader" };
const EDITOR: Identity = { keyId: "identity-test", role: "editor" };

/** POSTs `body` straight to `subgraph` with `header` as the identity, as an attacker would. */
async function send(subgraph: RunningSubgraph, body: string, header?: string) {
  const headers: Record<string, string> = header ? { [IDENTITY_HEADER]: header } : {};
  const { status, json } = await sendGraphQL<GraphQLBody<unknown>>(subgraph.url, body, { headers });
  return { status, ...json };
}

const refusal = (result: Awaited<ReturnType<typeof send>>) => ({
  status: result.status,
  code: result.errors?.[0]?.extensions?.code,
  reason: result.errors?.[0]?.extensions?.reason,
});

const claimsOf = (header: string) =>
  JSON.parse(Buffer.from(header.split(".")[0], "base64url").toString("utf8"));

// An attacker who reads the traffic between the gateway and a subgraph, or reaches a
// subgraph's port, gets nothing from it: each signature is for one subgraph, one body, once,
// for seconds; unsigned requests are refused before they are parsed; signed ones still meet
// the subgraph's own limits. The gateway keeps answering and the data stays as it was.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let incidents: RunningSubgraph;
let governments: RunningSubgraph;
let editor: { id: string; token: string };
let before: string;
beforeAll(async () => {
  databaseUrl = await datasetDatabase(serverUrl, "identity");
  proxy = await startProxy();
  federation = await startTestFederation(databaseUrl, { subgraphUrls: { incidents: proxy.url } });
  incidents = federation.subgraphs.find((s) => s.name === "incidents")!;
  governments = federation.subgraphs.find((s) => s.name === "governments")!;
  proxy.forwardTo(incidents.url);
  const created = await federation.keys.create("identity test editor", "editor");
  editor = { id: created.key.id, token: created.token };
  before = JSON.stringify(await exportBundle({ url: federation.gatewayUrl }));
});
/** After each scenario: the gateway still answers through the subgraphs, and is ready. */
const stillAnswering = async () => {
  const answer = await federation.query<any>(
    `{ government(id: "us") { id } threatActor(id: "apt40") { id } }`,
  );
  expect(answer.errors).toBeUndefined();
  expect(answer.data).toEqual({ government: { id: "us" }, threatActor: { id: "apt40" } });
  expect((await httpRequest(new URL("health/ready", federation.gatewayUrl))).status).toBe(200);
};
afterAll(async () => {
  await federation?.stop();
  await proxy?.close();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

/** The request the gateway sent the incidents subgraph for an editor's read. */
const capture = async (): Promise<{ header: string; body: string; captured: Captured }> => {
  proxy.captured.length = 0;
  const read = await federation.query<any>(ACTOR_READ, {}, { token: editor.token });
  expect(read.errors).toBeUndefined();
  expect(proxy.captured).toHaveLength(1);
  const [captured] = proxy.captured;
  return { header: String(captured.headers[IDENTITY_HEADER]), body: captured.body, captured };
};

// What the gateway signs, and a captured header replayed, on another body or at another subgraph.
describe("platform > identity > subgraphs trust only the gateway > captured headers", () => {
  afterEach(stillAnswering);

  it("signs the caller, the subgraph, the body's digest, a nonce and a 10 s expiry", async () => {
    const first = await capture();
    const claims = claimsOf(first.header);
    expect(claims).toMatchObject({ keyId: editor.id, role: "editor", aud: "incidents" });
    expect(claims.sha256).toBe(createHash("sha256").update(first.body).digest("base64url"));
    expect(claims.exp - Date.now() / 1000).toBeGreaterThan(0);
    expect(claims.exp - Date.now() / 1000).toBeLessThanOrEqual(IDENTITY_TTL_SECONDS);
    // The unsigned claims the data source hands the fetcher never leave the gateway.
    expect(first.captured.headers[IDENTITY_CLAIMS_HEADER]).toBeUndefined();
    const second = await capture();
    expect(second.body).toBe(first.body);
    expect(claimsOf(second.header).nonce).not.toBe(claims.nonce);
  });

  it("signs an anonymous reader as such", async () => {
    proxy.captured.length = 0;
    expect((await federation.query(ACTOR_READ)).errors).toBeUndefined();
    const header = String(proxy.captured[0].headers[IDENTITY_HEADER]);
    expect(claimsOf(header)).toMatchObject({ keyId: null, role: "reader", aud: "incidents" });
  });

  it("refuses a captured header replayed with its own body", async () => {
    const { header, body } = await capture();
    expect(refusal(await send(incidents, body, header))).toEqual({
      status: 401,
      code: "UNAUTHENTICATED",
      reason: "replayed",
    });
  });

  it("refuses a captured header on another body: the write and delete of the issue", async () => {
    const { header } = await capture();
    const remove = JSON.stringify({
      query: `mutation { deleteThreatActor(id: "apt40") { action } }`,
    });
    for (const body of [UPSERT_ACTOR, remove]) {
      const result = await send(incidents, body, header);
      expect(refusal(result)).toMatchObject({ code: "UNAUTHENTICATED", reason: "body-mismatch" });
      expect(result.errors?.[0].message).toMatch(/body mismatch/);
    }
  });

  it("refuses a captured header at another subgraph", async () => {
    const { header, body } = await capture();
    const result = await send(governments, body, header);
    expect(refusal(result)).toMatchObject({ code: "UNAUTHENTICATED", reason: "wrong-audience" });
    expect(result.errors?.[0].message).toMatch(/wrong audience/);
  });
});

// Bad signatures and unsigned requests are refused before parsing; a signed reader gets no more.
describe("platform > identity > subgraphs trust only the gateway > forged and unsigned requests", () => {
  afterEach(stillAnswering);

  it("refuses an expired, forged, tampered or malformed signature, and takes a fresh one", async () => {
    const body = JSON.stringify({ query: ACTOR_READ });
    const sign = (secret: string, now?: number) =>
      signRequest(EDITOR, { audience: "incidents", body, secret, now });
    const fresh = sign(TEST_IDENTITY_SECRET);
    const [payload, signature] = fresh.split(".");
    const asAdmin = Buffer.from(
      JSON.stringify({ ...claimsOf(fresh), role: "admin" }),
      "utf8",
    ).toString("base64url");
    for (const [header, reason] of [
      [sign(TEST_IDENTITY_SECRET, Date.now() - (IDENTITY_TTL_SECONDS + 2) * 1000), "expired"],
      [sign("not-the-gateway-secret-but-32-characters-long"), "forged"],
      [`${asAdmin}.${signature}`, "forged"],
      [payload, "malformed"],
      [`${payload}.${signature}.extra`, "malformed"],
    ]) {
      const result = await send(incidents, body, header);
      expect(refusal(result), reason).toMatchObject({ code: "UNAUTHENTICATED", reason });
      expect(result.errors?.[0].message).toMatch(reason);
    }
    const accepted = await send(incidents, body, fresh);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data).toEqual({ threatActor: { name: expect.any(String) } });
  });

  it("refuses unsigned reads and writes, entity fetches and the SDL, before parsing them", async () => {
    for (const [subgraph, body] of [
      [governments, JSON.stringify({ query: `{ government(id: "us") { name } }` })],
      [incidents, UPSERT_ACTOR],
      [
        incidents,
        JSON.stringify({
          query: HISTORY_BY_ENTITIES,
          variables: { representations: [{ __typename: "ThreatActor", id: "apt40" }] },
        }),
      ],
      [incidents, JSON.stringify({ query: `{ _service { sdl } }` })],
      [governments, JSON.stringify({ query: `{ not valid graphql` })],
    ] as const) {
      const result = await send(subgraph, body);
      expect(refusal(result)).toEqual({ status: 401, code: "UNAUTHENTICATED", reason: "missing" });
      expect(result.data).toBeUndefined();
    }
  });

  it("gives a signed reader neither history nor writes", async () => {
    const representations = [{ __typename: "ThreatActor", id: "apt40" }];
    const history = await postToSubgraph(
      incidents,
      { query: HISTORY_BY_ENTITIES, variables: { representations } },
      READER_KEY,
    );
    expect(history.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const anonymous = await postToSubgraph(
      incidents,
      { query: HISTORY_BY_ENTITIES, variables: { representations } },
      READER,
    );
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const write = await postToSubgraph(incidents, JSON.parse(UPSERT_ACTOR), READER_KEY);
    expect(write.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const asEditor = await postToSubgraph<any>(
      incidents,
      { query: HISTORY_BY_ENTITIES, variables: { representations } },
      EDITOR,
    );
    expect(asEditor.errors).toBeUndefined();
    expect(asEditor.data._entities[0].history.totalCount).toBeGreaterThanOrEqual(0);
  });
});

// Signed requests still meet the subgraph's limits; a revoked key stops at once; data unchanged.
describe("platform > identity > subgraphs trust only the gateway > limits and revocation", () => {
  afterEach(stillAnswering);

  it("refuses a signed request over the subgraph's own cost or depth limit", async () => {
    const governmentsOf = (n: number) =>
      Array.from({ length: n }, () => ({ __typename: "Government", id: "eu" }));
    const few = await postToSubgraph<any>(
      governments,
      { query: MEMBERS_BY_ENTITIES, variables: { representations: governmentsOf(10) } },
      READER,
    );
    expect(few.errors).toBeUndefined();
    expect(few.data._entities).toHaveLength(10);
    // 2,500 representations x (1 + 1 + 100 names): over MAX_COST however small each one is.
    const many = await postToSubgraph(
      governments,
      { query: MEMBERS_BY_ENTITIES, variables: { representations: governmentsOf(2_500) } },
      READER,
    );
    expect(many.status).toBe(400);
    expect(many.errors?.[0].extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      maxCost: 200_000,
    });
    // 14 levels deep, one government each.
    const narrow = `{ government(id: "us") { ${"memberOf(first: 1) { nodes { ".repeat(6)}id${" } }".repeat(6)} } }`;
    const deep = await postToSubgraph(governments, { query: narrow }, READER);
    expect(deep.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(deep.errors?.[0].message).toMatch(/depth/i);
  });

  // The gateway costed and guarded the operation a vetted fetch is part of: not done twice. A
  // request signed without the claim (a script, this test) is still checked in full.
  it("trusts the cost and input verdicts of the gateway's vetted fetches, and only those", async () => {
    const representations = Array.from({ length: 2_500 }, () => ({
      __typename: "Government",
      id: "eu",
    }));
    const request = { query: MEMBERS_BY_ENTITIES, variables: { representations } };
    const checked = await postToSubgraph(governments, request, READER);
    expect(checked.errors?.[0].extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const vetted = await postToSubgraph<any>(governments, request, READER, { vetted: true });
    expect(vetted.errors).toBeUndefined();
    expect(vetted.data._entities).toHaveLength(2_500);
    const loneSurrogate = {
      query: `query ($id: ID!) { government(id: $id) { id } }`,
      variables: { id: "e\uD800u" },
    };
    const guarded = await postToSubgraph(governments, loneSurrogate, READER);
    expect(guarded.status).toBe(400);
    expect(guarded.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(guarded.errors?.[0].message).toMatch(/variables\.id.*surrogate/);
    const trusted = await postToSubgraph(governments, loneSurrogate, READER, { vetted: true });
    expect(trusted.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("refuses the 531-byte amplification query straight to the governments subgraph", async () => {
    const attack = JSON.stringify({ query: amplification(14) });
    expect(attack.length).toBeGreaterThan(500);
    expect(attack.length).toBeLessThan(560);
    expect(refusal(await send(governments, attack))).toMatchObject({ reason: "missing" });
    const signed = await postToSubgraph(governments, JSON.parse(attack), READER);
    expect(signed.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    // Shallow enough for MAX_DEPTH, it is still 100^3 governments: refused on cost.
    const shallow = await postToSubgraph(governments, { query: amplification(3) }, READER);
    expect(shallow.errors?.[0].extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect((await httpRequest(new URL("health/ready", governments.url))).status).toBe(200);
  });

  it("stops a revoked key's writes at once on the gateway that revoked it", async () => {
    const key = await federation.keys.create("identity test, revoked", "editor");
    const write = `mutation { deleteThreatActor(id: "identity-test-never-existed") { action } }`;
    const allowed = await federation.query<any>(write, {}, { token: key.token });
    expect(allowed.data?.deleteThreatActor.action).toBe("UNCHANGED");
    await federation.keys.revoke(key.key.id);
    const refused = await federation.query<any>(write, {}, { token: key.token });
    expect(refused.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(refused.errors?.[0].message).toMatch(/revoked/);
    expect(refused.data?.deleteThreatActor).toBeUndefined();
  });

  it("leaves the data exactly as it was", async () => {
    expect(JSON.stringify(await exportBundle({ url: federation.gatewayUrl }))).toBe(before);
  });
});

// In production a subgraph tells even the gateway's signed requests no more than it needs.
describe("platform > identity > production subgraphs", () => {
  let federation: TestFederation;
  let governments: RunningSubgraph;
  beforeAll(async () => {
    federation = await startTestFederation(undefined, { production: true, introspection: false });
    governments = federation.subgraphs.find((s) => s.name === "governments")!;
  });
  afterAll(() => federation?.stop());

  it("answers no introspection and no suggestions, and its SDL only to a signed request", async () => {
    const introspection = await postToSubgraph(
      governments,
      { query: `{ __schema { types { name } } }` },
      READER,
    );
    expect(introspection.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const typo = await postToSubgraph(
      governments,
      { query: `{ governmnts { totalCount } } ` },
      READER,
    );
    expect(typo.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(typo.errors?.[0].message).not.toMatch(/did you mean/i);
    const sdl = JSON.stringify({ query: `{ _service { sdl } }` });
    expect(refusal(await send(governments, sdl))).toMatchObject({ reason: "missing" });
    const signed = await postToSubgraph<any>(governments, JSON.parse(sdl), READER);
    expect(signed.data._service.sdl).toContain("type Government");
  });

  it("leaves the gateway working: ready, and answering through the signed subgraphs", async () => {
    expect((await httpRequest(new URL("health/ready", federation.gatewayUrl))).status).toBe(200);
    const answer = await federation.query<any>(`{ government(id: "us") { name } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.government.name).toBeTruthy();
  });
});
