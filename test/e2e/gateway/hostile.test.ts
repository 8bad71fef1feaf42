import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { exportBundle } from "../../../scripts/bundle-io";
import { type GraphQLRequest, sendGraphQL } from "../../../scripts/graphql-client";
import { datasetDatabase, dropDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

type Probe = {
  name: string;
  method?: "GET" | "POST";
  contentType?: string;
  /** Sent as it is (POST). */
  body?: string;
  /** Sent in the query string (GET). */
  request?: GraphQLRequest;
  editor?: boolean;
  status: number;
  code: string;
  message?: RegExp;
};

const json = (query: string, variables?: object) => JSON.stringify({ query, variables });
const repeat = (n: number, f: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => f(i)).join(" ");
const INJECTIONS = [
  "' OR 1=1 --",
  '"; DROP TABLE governments.government; --',
  "%' UNION SELECT secret_hash FROM access.api_key --",
  "\\x00\\'",
  "$$; SELECT pg_sleep(10); $$",
];

const PROBES: Probe[] = [
  {
    name: "malformed JSON",
    body: '{"query": "{ governments { totalCount } "',
    status: 400,
    code: "BAD_REQUEST",
    message: /not valid JSON/,
  },
  { name: "empty body", body: "", status: 400, code: "BAD_REQUEST" },
  {
    name: "malformed GraphQL",
    body: json("{ governments { totalCount "),
    status: 400,
    code: "GRAPHQL_PARSE_FAILED",
  },
  {
    name: "a query that is not a string",
    body: JSON.stringify({ query: 42 }),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "text/plain (a CSRF vector)",
    contentType: "text/plain",
    body: json("{ __typename }"),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "a mutation over GET",
    method: "GET",
    request: { query: 'mutation { deleteGovernment(id: "us") { action } }' },
    status: 405,
    code: "BAD_REQUEST",
    message: /GET requests only support query operations/,
  },
  {
    name: "300 aliases",
    body: json(`{ government(id: "us") { ${repeat(300, (i) => `a${i}: id`)} } }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    message: /Aliases limit/i,
  },
  {
    name: "a field repeated 3000 times",
    body: json(`{ governments { ${repeat(3000, () => "id")} } }`),
    status: 400,
    code: "GRAPHQL_PARSE_FAILED",
    message: /token/i,
  },
  {
    name: "60 directives",
    body: json(`{ __typename ${repeat(60, () => "@include(if: true)")} }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    message: /Directives limit/i,
  },
  {
    name: "30 levels of nesting",
    body: json(`{ government(id: "us") { ${"memberOf { ".repeat(30)} id ${"} ".repeat(30)} } }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    message: /depth/i,
  },
  {
    name: "circular fragments",
    body: json(
      `query { government(id: "us") { ...A } } fragment A on Government { memberOf { nodes { ...B } } } fragment B on Government { members { nodes { ...A } } }`,
    ),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    message: /cannot spread fragment/i,
  },
  {
    name: "40 root fields",
    body: json(`{ ${repeat(40, (i) => `g${i}: government(id: "us") { id }`)} }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
  },
  {
    name: "too costly (100 x 100 x ...)",
    body: json(
      `{ statements(first: 100) { nodes { attributions(first: 100) { nodes { attributedBy(first: 100) { nodes { statements(first: 100) { nodes { quotes { translations { text } } } } } } } } } } }`,
    ),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
  },
  {
    name: "a batch of 300 operations",
    body: JSON.stringify(Array.from({ length: 300 }, () => ({ query: "{ __typename }" }))),
    status: 400,
    code: "BATCH_TOO_LARGE",
  },
  {
    name: "a 10 MB body",
    body: json(`{ __typename }`, { pad: "x".repeat(10 * 1024 * 1024) }),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  {
    name: "a wrongly typed variable",
    body: json(`query ($first: Int) { governments(first: $first) { totalCount } }`, {
      first: "all",
    }),
    status: 400,
    code: "BAD_USER_INPUT",
  },
  {
    name: "a huge page",
    body: json(`{ governments(first: 100000) { nodes { id } } }`),
    status: 200,
    code: "BAD_USER_INPUT",
    message: /^first: must be between 0 and 100/,
  },
  {
    name: "an unknown enum value",
    body: json(`{ governments(filter: { kinds: [EMPIRE] }) { totalCount } }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
  },
  {
    name: "an invalid date",
    body: json(`{ statements(filter: { issuedBetween: { from: "2021-02-30" } }) { totalCount } }`),
    status: 200,
    code: "GRAPHQL_VALIDATION_FAILED",
    message: /"2021-02-30" is not a calendar date/,
  },
  {
    name: "a forged cursor",
    body: json(`{ statements(after: "eyJhIjoxfQ") { totalCount } }`),
    status: 200,
    code: "BAD_USER_INPUT",
    message: /^after: /,
  },
  {
    name: "a NUL character in a variable",
    body: json(`query ($t: String) { statements(filter: { text: $t }) { totalCount } }`, {
      t: "pira\u0000tage",
    }),
    status: 400,
    code: "BAD_USER_INPUT",
    message: /NUL/,
  },
  {
    name: "a NUL character in a literal",
    body: json(`{ government(id: "u\\u0000s") { id } }`),
    status: 400,
    code: "BAD_USER_INPUT",
    message: /NUL/,
  },
  {
    name: "an invalid id",
    body: json(`{ government(id: "../../etc/passwd") { id } }`),
    status: 200,
    code: "NOT_FOUND",
  },
  {
    name: "an overlong search",
    body: json(`{ statements(filter: { text: "${"a".repeat(5000)}" }) { totalCount } }`),
    status: 200,
    code: "BAD_USER_INPUT",
    message: /^filter\.text: /,
  },
];

// Whatever a client sends, the gateway answers with a precise error, keeps serving, and the
// stored data stays exactly as it was (an export before and after is identical).
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
let before: string;
beforeAll(async () => {
  databaseUrl = await datasetDatabase(serverUrl, "hostile");
  federation = await startTestFederation(databaseUrl);
  editor = await federation.token("editor");
  before = JSON.stringify(await exportBundle({ url: federation.gatewayUrl }));
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

const stillServes = async () => {
  const result = await federation.query<any>(`{ government(id: "us") { id } }`);
  expect(result.data?.government).toEqual({ id: "us" });
};

// Each probe is answered with its status and code, and the gateway keeps serving.
describe("gateway > hostile input > malformed requests", () => {
  it.each(PROBES)("answers $name with $code", async (probe) => {
    const response = await sendGraphQL<any>(federation.gatewayUrl, probe.request ?? probe.body!, {
      method: probe.method ?? "POST",
      headers: {
        ...(probe.method === "GET" ? { "apollo-require-preflight": "1" } : {}),
        ...(probe.contentType ? { "content-type": probe.contentType } : {}),
      },
      token: probe.editor ? editor : undefined,
    });
    expect(response.status).toBe(probe.status);
    const body = response.json;
    expect(body.errors?.[0]?.extensions?.code, JSON.stringify(body).slice(0, 300)).toBe(probe.code);
    if (probe.message) expect(body.errors[0].message).toMatch(probe.message);
    expect(JSON.stringify(body)).not.toMatch(/\bat [\w.<>]+ \(|stacktrace/);
    await stillServes();
  });
});

// A write's problems are data: a hostile id is one problem at its path, nothing written.
describe("gateway > hostile input > writes", () => {
  it("answers a write with a hostile id with a problem naming input.id", async () => {
    const result = await federation.query<any>(
      `mutation ($i: GovernmentInput!, $s: [SourceInput!]) { upsertGovernment(input: $i, sources: $s) { action problems { path code message } } }`,
      {
        i: {
          id: "x'); DROP TABLE governments.government; --",
          name: "X",
          kind: "STATE",
          sources: ["s"],
        },
        s: [{ key: "s", publisher: "P", title: "T", language: "en" }],
      },
      { token: editor },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertGovernment.action).toBeNull();
    expect(result.data.upsertGovernment.problems).toMatchObject([
      { path: ["input", "id"], code: "INVALID" },
    ]);
    await stillServes();
  });
});

// Injections are plain text where text is expected, and refused where a shape is; odd Unicode
// is searched or refused by path. The stored data is the same at the end.
describe("gateway > hostile input > hostile text", () => {
  it.each(INJECTIONS)("treats %j as plain text in every text argument", async (text) => {
    const result = await federation.query<any>(
      /* GraphQL */ `
        query ($t: String!) {
          governments(filter: { text: $t }) {
            totalCount
          }
          agencies(filter: { text: $t }) {
            totalCount
          }
          officials(filter: { text: $t }) {
            totalCount
          }
          statements(filter: { text: $t }) {
            totalCount
          }
          incidents(filter: { text: $t, sectors: [$t] }) {
            totalCount
          }
          threatActors(filter: { text: $t }) {
            totalCount
          }
          legalActions(filter: { text: $t }) {
            totalCount
          }
        }
      `,
      { t: text },
    );
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data!).every((list: any) => list.totalCount === 0)).toBe(true);
  });

  // Ids and languages have a shape; anything else is refused by name, not matched.
  it.each(INJECTIONS)("refuses %j as an id or a language, naming the field", async (text) => {
    const result = await federation.query<any>(
      /* GraphQL */ `
        query ($v: [String!], $ids: [ID!]) {
          statements(filter: { ids: $ids, languages: $v }) {
            totalCount
          }
          incidents(filter: { ids: $ids }) {
            totalCount
          }
        }
      `,
      { v: [text], ids: [text] },
    );
    expect(result.errors?.every((e) => e.extensions?.code === "BAD_USER_INPUT")).toBe(true);
    const paths = result.errors!.flatMap((e) =>
      (e.extensions?.problems as { path: string[] }[]).map((p) => p.path.join(".")),
    );
    expect(paths).toEqual(expect.arrayContaining(["filter.ids", "filter.languages"]));
  });

  // A lone surrogate is not text PostgreSQL can store (it would keep U+FFFD): refused by path.
  it("refuses a lone UTF-16 surrogate, naming the variable", async () => {
    const result = await federation.query<any>(
      `query ($t: String!) { statements(filter: { text: $t }) { totalCount } }`,
      { t: "pira\ud800tage" },
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].extensions?.problems).toEqual([
      { path: ["variables", "t"], message: expect.stringMatching(/lone UTF-16 surrogate/) },
    ]);
  });

  it.each(["😀💥", "مرحبا", "e\u0301cosyste\u0300me", "Ｆｕｌｌｗｉｄｔｈ", "a".repeat(200)])(
    "searches unicode edge case %j without error",
    async (text) => {
      const result = await federation.query<any>(
        `query ($t: String!) { statements(filter: { text: $t }) { totalCount } threatActors(filter: { text: $t }) { totalCount } }`,
        { t: text },
      );
      expect(result.errors).toBeUndefined();
    },
  );

  it("leaves the stored data exactly as it was", async () => {
    expect(JSON.stringify(await exportBundle({ url: federation.gatewayUrl }))).toBe(before);
  });
});
