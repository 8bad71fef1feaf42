import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseConfig, datasetDatabase, dropDatabase } from "../../../harness/database";
import { withSubgraphDatabase } from "../../../services/kit/subgraph";
import { governments } from "../../../services/governments/schema";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const UPSERT = /* GraphQL */ `
  mutation Upsert($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) {
      action
    }
  }
`;

const SEARCH = /* GraphQL */ `
  query Search($text: String!, $field: StatementOrderField!) {
    statements(filter: { text: $text }, orderBy: { field: $field }, first: 10) {
      totalCount
      nodes {
        id
      }
    }
  }
`;

const SOURCES = [{ key: "s", url: "https://example.org/s", title: "S", language: "en" }];

const statement = (quote: string) => ({
  id: "quoted-only",
  kind: "PRESS_STATEMENT",
  issuedAt: "2024-05",
  issuer: "us",
  language: "en",
  title: "A statement whose words are all in its quote",
  quotes: [{ text: quote, language: "en", translations: [{ language: "fr", text: "citation" }] }],
  sources: ["s"],
});

/** Statements whose quotes' words on the row differ from their quotes' (none when kept). */
const STALE = `SELECT s.id FROM governments.statement s
  WHERE coalesce(s.quotes_search, '') <> coalesce((SELECT governments.tsvector_agg(q.search)
          FROM governments.quote q WHERE q.statement_id = s.id), '')`;

const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
beforeAll(async () => {
  databaseUrl = await datasetDatabase(serverUrl, "quote_search");
  federation = await startTestFederation(databaseUrl);
  editor = await federation.token("editor");
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

async function found(text: string) {
  const orders = ["RELEVANCE", "ISSUED_AT"] as const;
  const answers = await Promise.all(
    orders.map((field) => federation.query<any>(SEARCH, { text, field })),
  );
  return answers.map((answer) => {
    expect(answer.errors).toBeUndefined();
    return answer.data.statements.nodes.map((node: { id: string }) => node.id);
  });
}

async function upsert(quote: string) {
  const answer = await federation.query<any>(
    UPSERT,
    { input: statement(quote), sources: SOURCES },
    { token: editor },
  );
  expect(answer.errors).toBeUndefined();
}

// A statement's quotes' words are kept on its row (statement.quotes_search) by triggers, so a
// text search finds a statement by a word of its quotes, whichever the order.
describe("services > text search > quotes' words", () => {
  it("finds a statement by its quote's words as they are written, changed and deleted", async () => {
    await upsert("The quokkaword hides here");
    expect(await found("quokkaword")).toEqual([["quoted-only"], ["quoted-only"]]);
    await upsert("The wombatword hides here now");
    expect(await found("quokkaword")).toEqual([[], []]);
    expect(await found("wombatword")).toEqual([["quoted-only"], ["quoted-only"]]);
    const deleted = await federation.query<any>(
      `mutation { deleteStatement(id: "quoted-only") { action } }`,
      {},
      { token: editor },
    );
    expect(deleted.errors).toBeUndefined();
    expect(await found("wombatword")).toEqual([[], []]);
  });

  it("holds every statement's quotes' words after a load, and after the migration fills them", async () => {
    const config = databaseConfig(databaseUrl, { poolSize: 1 });
    await withSubgraphDatabase(governments, config, { migrate: false }, async (db) => {
      expect(await db.query(STALE)).toEqual([]);
      // Changed by SQL in place (the write path deletes and inserts): kept too.
      await db.query(`UPDATE governments.quote SET text = text || ' otterword'
                        WHERE key = (SELECT min(key) FROM governments.quote)`);
      expect(await db.query(STALE)).toEqual([]);
      expect(
        (await db.query(`SELECT count(*)::int AS n FROM governments.quote`))[0].n,
      ).toBeGreaterThan(0);
      // Undone, then run again over the stored quotes.
      await db.undoLastMigration();
      await db.runMigrations();
      const filled = await db.query(
        `SELECT count(*)::int AS n FROM governments.statement WHERE quotes_search IS NOT NULL`,
      );
      expect(filled[0].n).toBeGreaterThan(0);
      expect(await db.query(STALE)).toEqual([]);
    });
  });
});
