import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signRequest } from "../../../platform/identity";
import { sendGraphQL } from "../../../scripts/graphql-client";
import { datasetDatabase, dropDatabase } from "../../../harness/database";
import {
  TEST_IDENTITY_SECRET,
  type TestFederation,
  startTestFederation,
} from "../../helpers/federation";

const UPSERT_STATEMENT = /* GraphQL */ `
  mutation Upsert($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) {
      action
      changed
      statement {
        id
        globalId
        title
      }
      problems {
        path
        code
        message
      }
    }
  }
`;

const SOURCES = [
  {
    key: "test-source",
    url: "https://example.org/statement",
    title: "Test",
    publisher: "Test publisher",
    language: "en",
  },
];

function statement(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    kind: "PRESS_STATEMENT",
    issuedAt: "2024-05",
    issuer: "us",
    cosigners: ["gb"],
    speaker: "antony-blinken",
    language: "en",
    title: "A test statement on piratage",
    quotes: [
      {
        text: "We assess with high confidence",
        language: "en",
        translations: [{ language: "fr", text: "Nous estimons avec une grande confiance" }],
      },
    ],
    attributions: [
      {
        id: `${id}-exchange`,
        incident: "microsoft-exchange-2021",
        state: "cn",
        kind: "FORMAL",
        confidenceWording: "with high confidence",
        confidenceLevel: "HIGH",
        confidenceScore: 85,
      },
    ],
    sources: ["test-source"],
    ...overrides,
  };
}

// Writes go through the gateway with an editor key, in one transaction per record, idempotent,
// validated field by field, audited; subgraphs refuse writes that do not come from the gateway.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
let reader: string;
beforeAll(async () => {
  databaseUrl = await datasetDatabase(serverUrl, "writes");
  federation = await startTestFederation(databaseUrl);
  editor = await federation.token("editor");
  reader = await federation.token("reader");
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

const upsert = (input: object, token = editor) =>
  federation.query<any>(UPSERT_STATEMENT, { input, sources: SOURCES }, { token });

// A statement with its quotes and attributions is created, answered as stored, updated, and its
// history kept for editors.
describe("services > writes > create, update, history", () => {
  it("creates a statement with its quotes and attributions, answers the record, then reports a re-send as unchanged", async () => {
    const first = await upsert(statement("test-statement-1"));
    expect(first.errors).toBeUndefined();
    expect(first.data.upsertStatement).toEqual({
      action: "CREATED",
      changed: true,
      statement: {
        id: "test-statement-1",
        globalId: "Statement:test-statement-1",
        title: "A test statement on piratage",
      },
      problems: [],
    });
    const again = await upsert(statement("test-statement-1"));
    expect(again.data.upsertStatement).toMatchObject({ action: "UNCHANGED", changed: false });

    const read = await federation.query<any>(/* GraphQL */ `
      query {
        statement(id: "test-statement-1") {
          issuedAt {
            value
            precision
          }
          cosigners {
            nodes {
              id
            }
          }
          quotes {
            text
            translations {
              language
              text
            }
          }
          attributions {
            nodes {
              id
              confidenceLevel
              incident {
                id
                name
              }
            }
          }
        }
        incident(id: "microsoft-exchange-2021") {
          attributions(first: 100) {
            nodes {
              id
            }
          }
        }
      }
    `);
    expect(read.errors).toBeUndefined();
    expect(read.data.statement.issuedAt).toEqual({ value: "2024-05", precision: "MONTH" });
    expect(read.data.statement.attributions.nodes[0].incident.id).toBe("microsoft-exchange-2021");
    expect(read.data.incident.attributions.nodes.map((a: any) => a.id)).toContain(
      "test-statement-1-exchange",
    );
  });

  it("updates, and keeps who changed what in the record's history", async () => {
    const changed = await upsert(statement("test-statement-1", { title: "A corrected title" }));
    expect(changed.data.upsertStatement.action).toBe("UPDATED");
    const anonymous = await federation.query<any>(
      `{ statement(id: "test-statement-1") { history { nodes { action } } } }`,
    );
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonymous.errors?.[0].message).toBe(
      "reading history needs an editor or admin key; no API key was sent",
    );
    const asReader = await federation.query<any>(
      `{ statement(id: "test-statement-1") { history { nodes { action } } } }`,
      {},
      { token: reader },
    );
    expect(asReader.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(asReader.errors?.[0].message).toBe(
      'reading history needs an editor or admin key; this key\'s role is "reader"',
    );
    const history = await federation.query<any>(
      `{ statement(id: "test-statement-1") { history { totalCount nodes { action keyId before after } } } }`,
      {},
      { token: editor },
    );
    expect(history.errors).toBeUndefined();
    expect(history.data.statement.history.totalCount).toBe(2);
    const entries = history.data.statement.history.nodes;
    expect(entries.map((e: any) => e.action)).toEqual(["CREATED", "UPDATED"]);
    expect(entries[1].before.record.title).toBe("A test statement on piratage");
    expect(entries[1].after.record.title).toBe("A corrected title");
    expect(entries[1].keyId).toMatch(/^[a-z0-9]+$/);
  });
});

// A record is checked whole: one invalid attribution rolls it all back, every problem is listed
// in the payload with its path and code, the record is null and nothing is written.
describe("services > writes > validation", () => {
  const refused = (result: any) => {
    expect(result.errors).toBeUndefined();
    const payload = result.data.upsertStatement;
    expect(payload).toMatchObject({ action: null, changed: false, statement: null });
    return payload.problems as { path: string[]; code: string; message: string }[];
  };

  it("rolls the whole statement back when one attribution is invalid", async () => {
    const bad = statement("test-statement-2", {
      attributions: [
        { id: "test-statement-2-ok", incident: "x-incident", state: "cn", kind: "FORMAL" },
        {
          id: "test-statement-2-bad",
          incident: "x-incident",
          state: "no-such-state",
          kind: "FORMAL",
        },
      ],
    });
    expect(refused(await upsert(bad))).toEqual([
      {
        path: ["input", "attributions", "1", "state"],
        code: "NOT_FOUND",
        message: 'Government "no-such-state" does not exist',
      },
    ]);
    const read = await federation.query<any>(`{ statement(id: "test-statement-2") { id } }`);
    expect(read.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("reports every problem of a record at once, each with its path and code, writing nothing", async () => {
    const problems = refused(
      await upsert(
        statement("test-statement-4", {
          issuer: "zz",
          language: "not a language!",
          quotes: [{ text: "", language: "en" }],
          attributions: [
            { id: "test-statement-4-a", incident: "x", kind: "FORMAL", confidenceScore: 101 },
          ],
          sources: ["test-source", "missing-source"],
        }),
      ),
    );
    expect(problems.map((p) => [p.path.join("."), p.code])).toEqual(
      expect.arrayContaining([
        ["input.issuer", "NOT_FOUND"],
        ["input.language", "INVALID"],
        ["input.quotes.0.text", "INVALID"],
        ["input.attributions.0", "INVALID"],
        ["input.attributions.0.confidenceScore", "INVALID"],
        ["input.sources.1", "UNKNOWN_SOURCE"],
      ]),
    );
    expect(problems.find((p) => p.path.join(".") === "input.issuer")?.message).toBe(
      'Government "zz" does not exist',
    );
    expect(JSON.stringify(problems)).not.toMatch(/Key \(|is not present in table/);
  });

  it.each([
    [{ id: "Bad Id" }, "input.id"],
    [{ language: "not a language!" }, "input.language"],
    [{ url: "javascript:alert(1)" }, "input.url"],
    [{ quotes: [{ text: "", language: "en" }] }, "input.quotes.0.text"],
    [
      {
        attributions: [
          { id: "a-b", incident: "x", kind: "FORMAL", confidenceScore: 101, state: "cn" },
        ],
      },
      "input.attributions.0.confidenceScore",
    ],
    [{ sources: ["missing-source"] }, "input.sources.0"],
    [{ sources: Array.from({ length: 120_000 }, () => "s") }, "input.sources"],
    [{ title: "t".repeat(501) }, "input.title"],
    [{ cosigners: ["gb", "gb"] }, "input.cosigners"],
  ])(
    "refuses case %# with a problem at the field's path, writing nothing",
    async (override, path) => {
      const problems = refused(await upsert(statement("test-statement-3", override)));
      expect(problems.map((p) => p.path.join("."))).toContain(path);
      const read = await federation.query<any>(
        `{ statements(filter: { ids: ["test-statement-3"] }) { totalCount } }`,
      );
      expect(read.data.statements.totalCount).toBe(0);
    },
  );
});

// Rules across fields, sources sent for nothing, and several writes in one document.
describe("services > writes > validation > problems as data", () => {
  const refused = (result: any) => {
    expect(result.errors).toBeUndefined();
    const payload = result.data.upsertStatement;
    expect(payload).toMatchObject({ action: null, changed: false, statement: null });
    return payload.problems as { path: string[]; code: string; message: string }[];
  };

  it("refuses a confidence level its score disagrees with, naming both fields", async () => {
    const problems = refused(
      await upsert(
        statement("test-statement-7", {
          attributions: [
            {
              id: "test-statement-7-a",
              incident: "microsoft-exchange-2021",
              state: "cn",
              kind: "FORMAL",
              confidenceLevel: "LOW",
              confidenceScore: 95,
            },
          ],
        }),
      ),
    );
    expect(problems).toEqual([
      {
        path: ["input", "attributions", "0", "confidenceScore"],
        code: "CONFIDENCE_MISMATCH",
        message: "confidenceScore 95 is outside confidenceLevel LOW's range 0-29",
      },
    ]);
  });

  it("refuses a source sent but cited by nothing", async () => {
    const result = await federation.query<any>(
      UPSERT_STATEMENT,
      {
        input: statement("test-statement-8"),
        sources: [...SOURCES, { key: "test-uncited", title: "Sent for nothing" }],
      },
      { token: editor },
    );
    expect(refused(result)).toEqual([
      {
        path: ["sources", "1", "key"],
        code: "UNCITED_SOURCE",
        message: '"test-uncited" is cited by nothing in `input`',
      },
    ]);
  });

  // Two writes in one document are two answers: the refused one does not null the other.
  it("answers each mutation of a document on its own", async () => {
    const result = await federation.query<any>(
      /* GraphQL */ `
        mutation Two($good: StatementInput!, $bad: StatementInput!, $sources: [SourceInput!]) {
          good: upsertStatement(input: $good, sources: $sources) {
            action
            statement {
              id
            }
            problems {
              code
            }
          }
          bad: upsertStatement(input: $bad, sources: $sources) {
            action
            statement {
              id
            }
            problems {
              path
              code
            }
          }
        }
      `,
      {
        good: statement("test-statement-9"),
        bad: statement("test-statement-10", { issuer: "zz" }),
        sources: SOURCES,
      },
      { token: editor },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      good: { action: "CREATED", statement: { id: "test-statement-9" }, problems: [] },
      bad: {
        action: null,
        statement: null,
        problems: [{ path: ["input", "issuer"], code: "NOT_FOUND" }],
      },
    });
  });
});

// Ill-typed input and impossible dates are refused by field; concurrent writes end as one record;
// writes need an editor key.
describe("services > writes > types, dates, races and keys", () => {
  // Types, enums, field names and dates are the GraphQL schema's: a wrong one never reaches a
  // resolver, and all of them are listed in one error, one line each, without the input.
  it("refuses ill-typed input in one error naming each field, without echoing the input", async () => {
    const result = await upsert(
      statement("test-statement-5", {
        kind: "TWEET",
        issuedAt: "2024-13-01",
        isuedAt: "2024",
        quotes: "oops",
      }),
    );
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.message).not.toMatch(/\n/);
    expect(error.message).not.toMatch(/piratage|antony-blinken/);
    const problems = error.extensions?.problems as { path: unknown[]; message: string }[];
    expect(problems.map((p) => p.path.join("."))).toEqual(
      expect.arrayContaining(["input.kind", "input.issuedAt", "input", "input.quotes"]),
    );
    expect(error.message).toMatch(/isuedAt/);
    expect(problems.find((p) => p.path.join(".") === "input.kind")?.message).toBe(
      'Value "TWEET" does not exist in "StatementKind" enum.',
    );
    const read = await federation.query<any>(
      `{ statements(filter: { ids: ["test-statement-5"] }) { totalCount } }`,
    );
    expect(read.data.statements.totalCount).toBe(0);
  });

  it("refuses a partial date that is not in the calendar, naming the field", async () => {
    const result = await upsert(statement("test-statement-6", { issuedAt: "2024-02-30" }));
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].message).toBe('$input.issuedAt: "2024-02-30" is not a calendar date');
    expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|"response"/);
  });

  it("ends concurrent writes of one record as one record, from exactly one of the writers", async () => {
    const variants = Array.from({ length: 8 }, (_, i) =>
      statement("test-statement-race", {
        title: `version ${i}`,
        quotes: [{ text: `quote ${i}`, language: "en" }],
      }),
    );
    const results = await Promise.all(variants.map((v) => upsert(v)));
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(results.filter((r) => r.data.upsertStatement.action === "CREATED")).toHaveLength(1);
    const read = await federation.query<any>(
      `{ statement(id: "test-statement-race") { title quotes { text } } }`,
    );
    const version = read.data.statement.title.replace("version ", "");
    expect(read.data.statement.quotes).toEqual([{ text: `quote ${version}` }]);
  });

  it("refuses writes without a key (UNAUTHENTICATED) and from a reader (FORBIDDEN)", async () => {
    const anonymous = await federation.query<any>(UPSERT_STATEMENT, {
      input: statement("test-anon"),
      sources: SOURCES,
    });
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const bogus = await upsert(statement("test-anon"), "ag_0000000000_" + "x".repeat(43));
    expect(bogus.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const asReader = await upsert(statement("test-anon"), reader);
    expect(asReader.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const revokedKey = await federation.keys.create("soon revoked", "editor");
    await federation.keys.revoke(revokedKey.key.id);
    const revoked = await upsert(statement("test-anon"), revokedKey.token);
    expect(revoked.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});

// A subgraph refuses writes that do not come from the gateway; a dangling reference is read as
// NOT_FOUND at its path; a referenced record cannot be deleted.
describe("services > writes > subgraphs and references", () => {
  it("refuses a write sent straight to a subgraph: missing, forged, malformed or stale identity", async () => {
    const governments = federation.subgraphs.find((s) => s.name === "governments")!;
    const body = JSON.stringify({
      query: UPSERT_STATEMENT,
      variables: { input: statement("test-bypass"), sources: SOURCES },
    });
    const send = async (identity?: string) => {
      const headers = identity ? { "x-attribution-identity": identity } : undefined;
      return (await sendGraphQL<any>(governments.url, body, { headers })).json;
    };
    const editor = { keyId: "forged", role: "editor" as const };
    const signed = (secret: string, now?: number) =>
      signRequest(editor, { audience: "governments", body, secret, now });
    for (const [identity, reason] of [
      [undefined, "missing"],
      [signed("not-the-gateway-secret-but-long-enough!!"), "forged"],
      ["e30.e30", "forged"],
      ["e30", "malformed"],
      [signed(TEST_IDENTITY_SECRET, Date.now() - 60_000), "expired"],
    ] as const) {
      const result = await send(identity);
      expect(result.errors?.[0].extensions, reason).toMatchObject({
        code: "UNAUTHENTICATED",
        reason,
      });
    }
    const read = await federation.query<any>(
      `{ statements(filter: { ids: ["test-bypass"] }) { totalCount } }`,
    );
    expect(read.data.statements.totalCount).toBe(0);
  });

  it("reports a reference into another subgraph that does not exist as NOT_FOUND at its path", async () => {
    const dangling = statement("test-dangling", {
      attributions: [
        {
          id: "test-dangling-a",
          incident: "no-such-incident",
          actor: "no-such-actor",
          kind: "FORMAL",
        },
      ],
    });
    expect((await upsert(dangling)).data.upsertStatement.action).toBe("CREATED");
    const read = await federation.query<any>(
      `{ statement(id: "test-dangling") { attributions { nodes { id incident { id name } actor { id name } } } } }`,
    );
    expect(read.data.statement.attributions.nodes).toEqual([
      { id: "test-dangling-a", incident: null, actor: null },
    ]);
    // Both references are resolved by one fetch: which one fails first is not promised.
    const errors = read.errors?.map((e) => [e.extensions?.code, e.path?.join("."), e.message]);
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(
      expect.arrayContaining([
        [
          "NOT_FOUND",
          "statement.attributions.nodes.0.incident",
          'Incident "no-such-incident" does not exist',
        ],
        [
          "NOT_FOUND",
          "statement.attributions.nodes.0.actor",
          'ThreatActor "no-such-actor" does not exist',
        ],
      ]),
    );
  });

  it("deletes a record, and refuses to delete one still referenced", async () => {
    const deleted = await federation.query<any>(
      `mutation { deleteStatement(id: "test-statement-1") { id globalId action } }`,
      {},
      { token: editor },
    );
    expect(deleted.data.deleteStatement).toEqual({
      id: "test-statement-1",
      globalId: "Statement:test-statement-1",
      action: "DELETED",
    });
    const gone = await federation.query<any>(
      `mutation { deleteStatement(id: "test-statement-1") { action } }`,
      {},
      { token: editor },
    );
    expect(gone.data.deleteStatement.action).toBe("UNCHANGED");
    const referenced = await federation.query<any>(
      `mutation { deleteGovernment(id: "cn") { action problems { path code message } } }`,
      {},
      { token: editor },
    );
    expect(referenced.errors).toBeUndefined();
    expect(referenced.data.deleteGovernment.action).toBeNull();
    expect(referenced.data.deleteGovernment.problems).toMatchObject([
      { path: ["id"], code: "REFERENCED" },
    ]);
    expect(referenced.data.deleteGovernment.problems[0].message).toMatch(
      /^the record is still referenced/,
    );
    const china = await federation.query<any>(`{ government(id: "cn") { id } }`);
    expect(china.data.government.id).toBe("cn");
  });
});
