import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseConfig, datasetDatabase, dropDatabase } from "../../../harness/database";
import { type SubgraphDefinition, withSubgraphDatabase } from "../../../services/kit/subgraph";
import { governments } from "../../../services/governments/schema";
import { legalActions } from "../../../services/legal-actions/schema";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const SOURCES = [{ key: "s", url: "https://example.org/s", title: "S", language: "en" }];

/**
 * A kind whose records are found by words of their parts (other tables): how to write one whose
 * parts hold `word` alone, list it, and find rows whose kept words are stale.
 */
interface Kind {
  list: string;
  upsert: string;
  input: string;
  orders: [string, string];
  record(word: string): Record<string, unknown>;
  /** Rows whose words kept from their parts differ from their parts' (none when kept). */
  stale: string;
  /** A part changed in place by SQL (the write path deletes and inserts). */
  changeInPlace: string;
}

const STATEMENTS: Kind = {
  list: "statements",
  upsert: "upsertStatement",
  input: "StatementInput",
  orders: ["RELEVANCE", "ISSUED_AT"],
  record: (word) => ({
    id: "quoted-only",
    kind: "PRESS_STATEMENT",
    issuedAt: "2024-05",
    issuer: "us",
    language: "en",
    title: "A statement whose words are all in its quote",
    quotes: [{ text: `The ${word} hides here`, language: "en" }],
    sources: ["s"],
  }),
  stale: `SELECT s.id FROM governments.statement s
    WHERE coalesce(s.quotes_search, '') <> coalesce((SELECT governments.tsvector_agg(q.search)
            FROM governments.quote q WHERE q.statement_id = s.id), '')`,
  changeInPlace: `UPDATE governments.quote SET text = text || ' otterword'
    WHERE key = (SELECT min(key) FROM governments.quote)`,
};

const LEGAL_ACTIONS: Kind = {
  list: "legalActions",
  upsert: "upsertLegalAction",
  input: "LegalActionInput",
  orders: ["RELEVANCE", "ANNOUNCED_AT"],
  record: (word) => ({
    id: "charged-only",
    kind: "INDICTMENT",
    title: "An indictment whose words are all in its parts",
    jurisdiction: "us",
    announced: "2024-05",
    status: "PENDING",
    charges: [{ description: `Conspiracy to ${word}` }],
    defendants: [{ name: `Ivan ${word}ov`, status: "AT_LARGE" }],
    sources: ["s"],
  }),
  stale: `SELECT l.id FROM legal.legal_action l
    WHERE coalesce(l.parts_search, '') <> coalesce((SELECT legal.tsvector_agg(x.search) FROM (
            SELECT search FROM legal.charge WHERE legal_action_id = l.id
            UNION ALL SELECT search FROM legal.defendant WHERE legal_action_id = l.id) x), '')
       OR l.defendant_names IS DISTINCT FROM (SELECT string_agg(legal.f_unaccent(d.name), E'\\n'
            ORDER BY d.position) FROM legal.defendant d WHERE d.legal_action_id = l.id)`,
  changeInPlace: `UPDATE legal.defendant SET name = name || ' Otterov'
    WHERE key = (SELECT min(key) FROM legal.defendant)`,
};

const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
beforeAll(async () => {
  databaseUrl = await datasetDatabase(serverUrl, "parts_search");
  federation = await startTestFederation(databaseUrl);
  editor = await federation.token("editor");
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

/** The ids `kind`'s list finds for `text`, in each of its two orders. */
async function found(kind: Kind, text: string) {
  const answers = await Promise.all(
    kind.orders.map((field) =>
      federation.query<any>(
        `query ($text: String!) {
           list: ${kind.list}(filter: { text: $text }, orderBy: { field: ${field} }, first: 10) {
             nodes { id }
           }
         }`,
        { text },
      ),
    ),
  );
  return answers.map((answer) => {
    expect(answer.errors).toBeUndefined();
    return answer.data.list.nodes.map((node: { id: string }) => node.id);
  });
}

async function write(kind: Kind, word: string) {
  const answer = await federation.query<any>(
    `mutation ($input: ${kind.input}!, $sources: [SourceInput!]) {
       ${kind.upsert}(input: $input, sources: $sources) { action }
     }`,
    { input: kind.record(word), sources: SOURCES },
    { token: editor },
  );
  expect(answer.errors).toBeUndefined();
  return kind.record(word).id as string;
}

// A statement's quotes' words, and a legal action's charges' and defendants' words and names,
// are kept on its row by triggers: a text search finds the record by them, whichever the order.
describe("services > text search > words of a record's parts", () => {
  for (const kind of [STATEMENTS, LEGAL_ACTIONS]) {
    it(`${kind.list}: found by their parts' words as they are written, changed and deleted`, async () => {
      const id = await write(kind, "quokkaword");
      expect(await found(kind, "quokkaword")).toEqual([[id], [id]]);
      await write(kind, "wombatword");
      expect(await found(kind, "quokkaword")).toEqual([[], []]);
      expect(await found(kind, "wombatword")).toEqual([[id], [id]]);
      const deleted = await federation.query<any>(
        `mutation { ${kind.upsert.replace("upsert", "delete")}(id: "${id}") { action } }`,
        {},
        { token: editor },
      );
      expect(deleted.errors).toBeUndefined();
      expect(await found(kind, "wombatword")).toEqual([[], []]);
    });
  }

  it("legalActions: found by part of a defendant's name, accents ignored", async () => {
    const id = await write(LEGAL_ACTIONS, "zébraword");
    expect(await found(LEGAL_ACTIONS, "zebrawordo")).toEqual([[id], [id]]);
  });

  for (const [kind, definition] of [
    [STATEMENTS, governments as SubgraphDefinition<unknown>],
    [LEGAL_ACTIONS, legalActions as SubgraphDefinition<unknown>],
  ] as const) {
    it(`${kind.list}: every row holds its parts' words after a load, a change in place, and the migration that fills them`, async () => {
      const config = databaseConfig(databaseUrl, { poolSize: 1 });
      await withSubgraphDatabase(definition, config, { migrate: false }, async (db) => {
        expect(await db.query(kind.stale)).toEqual([]);
        await db.query(kind.changeInPlace);
        expect(await db.query(kind.stale)).toEqual([]);
        // Undone, then run again over the stored parts.
        await db.undoLastMigration();
        await db.runMigrations();
        expect(await db.query(kind.stale)).toEqual([]);
      });
    });
  }
});
