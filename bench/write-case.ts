import type { Pool } from "pg";
import { KeyStore } from "../gateway/access/keys";
import { type SourceEntry, citedEntries } from "../platform/bundle";
import type { BenchCase } from "./cases";
import { benchDatabaseConfig } from "./database";
import { rows } from "./floor-sql";

export const UNCHANGED_WRITE = /* GraphQL */ `
  mutation UnchangedWrite($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) {
      action
      changed
      statement {
        id
      }
    }
  }
`;

const STORED = /* GraphQL */ `
  query Stored($id: ID!) {
    statement(id: $id) {
      bundleRecord
    }
  }
`;

interface StatementInput {
  id: string;
  kind: string;
  title?: string | null;
  language: string;
  text?: string | null;
  summary?: string | null;
  url?: string | null;
  quotes?: { text: string; language: string }[] | null;
  attributions?: unknown[] | null;
}

/**
 * A client re-sending a stored statement as its bundle record holds it, with its sources, as an
 * editor: the graph must find it UNCHANGED and write nothing (issue 23). The statement is the
 * first of the benchmark's government; the input is read from the graph before the checks
 * (`prepare`), and the editor key is made in the benchmark database's key store.
 */
export async function unchangedWriteCase(
  databaseUrl: string,
  pool: Pool,
  governmentId: string,
): Promise<BenchCase> {
  const { rows: found } = await pool.query<{ id: string }>(
    `SELECT id FROM governments.statement WHERE issuer_id = $1 ORDER BY id LIMIT 1`,
    [governmentId],
  );
  if (!found[0]) throw new Error(`unchanged write: government ${governmentId} has no statement`);
  const keys = await KeyStore.open(benchDatabaseConfig(databaseUrl, 1), { migrateSchema: false });
  const { token } = await freshEditorKey(keys).finally(() => keys.close());
  const variables: { input?: StatementInput; sources?: unknown[] } = {};
  return {
    name: "unchanged write",
    kind: "write",
    query: UNCHANGED_WRITE,
    variables,
    token,
    async prepare(read) {
      const answer = (await read(STORED, { id: found[0].id })) as {
        statement: {
          bundleRecord: { record: StatementInput; sources: Record<string, SourceEntry> };
        };
      };
      const { record, sources } = answer.statement.bundleRecord;
      variables.input = record;
      variables.sources = citedEntries(record, sources);
    },
    floor: (floorPool) => unchangedFloor(floorPool, variables.input!),
  };
}

/**
 * The floor of a write that changes nothing: the statement's row, quotes and attribution count
 * read in one statement and compared with the input; nothing written.
 */
async function unchangedFloor(pool: Pool, input: StatementInput) {
  const [stored] = await rows(
    pool,
    `SELECT s.kind, s.title, s.language, s.text, s.summary, s.url,
       (SELECT coalesce(json_agg(json_build_object('text', q.text, 'language', q.language)
          ORDER BY q.position), '[]') FROM governments.quote q WHERE q.statement_id = s.id) AS quotes,
       (SELECT count(*) FROM governments.attribution a WHERE a.statement_id = s.id) AS attributions
     FROM governments.statement s WHERE s.id = $1`,
    [input.id],
  );
  const same =
    stored !== undefined &&
    (["kind", "title", "language", "text", "summary", "url"] as const).every(
      (field) => (input[field] ?? null) === stored[field],
    ) &&
    JSON.stringify((input.quotes ?? []).map(({ text, language }) => ({ text, language }))) ===
      JSON.stringify(stored.quotes) &&
    (input.attributions ?? []).length === Number(stored.attributions);
  const action = stored === undefined ? "CREATED" : same ? "UNCHANGED" : "UPDATED";
  return { upsertStatement: { action, changed: !same, statement: { id: input.id } } };
}

export const BENCH_EDITOR = "benchmark editor";

/** A new editor key for this run; the one an earlier run made is revoked (one stays active). */
async function freshEditorKey(keys: KeyStore) {
  for (const key of await keys.list()) {
    if (key.name === BENCH_EDITOR && !key.revokedAt) await keys.revoke(key.id);
  }
  return keys.create(BENCH_EDITOR, "editor");
}
