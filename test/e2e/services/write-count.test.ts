import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { datasetDatabase, dropDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

// Issue 23 point 3: a write does only what changed. A record re-sent as stored is found
// unchanged before anything is written (no INSERT, UPDATE or DELETE; at most 6 statements in its
// subgraph, none in the others: the gateway tries its own subgraph first), and the payload is
// answered from the snapshot the write read.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
beforeAll(async () => {
  databaseUrl = await datasetDatabase(serverUrl, "write_counts");
  federation = await startTestFederation(databaseUrl);
  editor = await federation.token("editor");
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

const RECORD_TIME = "recordTime { createdAt updatedAt revision }";

/**
 * Runs `query` as an editor; answers its data and the SQL statements the subgraphs ran: all
 * of them, or `only` one's (a write's sources are also checked in the others by the gateway),
 * and each subgraph's by name.
 */
async function counted(query: string, variables: Record<string, unknown>, only?: string) {
  for (const subgraph of federation.subgraphs) subgraph.statements.recording = [];
  try {
    const answer = await federation.query<any>(query, variables, { token: editor });
    expect(answer.errors).toBeUndefined();
    const bySubgraph = new Map(
      federation.subgraphs.map((s) => [s.name, s.statements.recording!.map((r) => r.query)]),
    );
    const sql = federation.subgraphs
      .filter((s) => !only || s.name === only)
      .flatMap((s) => bySubgraph.get(s.name)!);
    return { data: answer.data, sql, bySubgraph };
  } finally {
    for (const subgraph of federation.subgraphs) subgraph.statements.recording = undefined;
  }
}

const WRITES = /^\s*(INSERT|UPDATE|DELETE|MERGE)\b/i;

/** The child tables of statements whose rows `sql` deletes and inserts again. */
const rewritten = (sql: string[]) => [
  ...new Set(
    sql.flatMap((s) => /^DELETE FROM "governments"\."(quote|attribution)"/.exec(s)?.[1] ?? []),
  ),
];

/** A stored record as its kind's input and sources: what `bundleRecord` answers. */
async function stored(field: string, id: string) {
  const read = await federation.query<any>(
    `query { ${field}(id: "${id}") { bundleRecord ${RECORD_TIME} } }`,
  );
  expect(read.errors).toBeUndefined();
  const { bundleRecord, recordTime } = read.data[field];
  const sources = Object.entries(bundleRecord.sources).map(([key, entry]) => ({
    key,
    ...(entry as object),
  }));
  return { input: bundleRecord.record, sources, recordTime };
}

const upsert = (type: string, field: string) => /* GraphQL */ `
  mutation Upsert($input: ${type}Input!, $sources: [SourceInput!]) {
    upsert${type}(input: $input, sources: $sources) {
      action
      changed
      ${field} { id ${RECORD_TIME} }
      problems { path code message }
    }
  }
`;

const KINDS = [
  {
    type: "Statement",
    field: "statement",
    id: "us-dos-2021-07-19-blinken-prc-cyber",
    subgraph: "governments",
  },
  { type: "ThreatActor", field: "threatActor", id: "apt31", subgraph: "incidents" },
];
const CASES = [
  ...KINDS.map((kind) => ({ ...kind, sent: "with its sources" })),
  // A stored source may be cited by key alone: it stands for the definition stored.
  { ...KINDS[0], sent: "citing its sources by key alone" },
];

describe("services > writes > only what changed", () => {
  for (const { type, field, id, subgraph, sent } of CASES) {
    it(`upsert${type} re-sent as stored ${sent}: UNCHANGED, nothing written, at most 6 statements, the stored record answered`, async () => {
      const { input, sources, recordTime } = await stored(field, id);
      const byKey = sent.includes("by key");
      const variables = { input, sources: byKey ? null : sources };
      const { data, sql } = await counted(upsert(type, field), variables, subgraph);
      expect(data[`upsert${type}`]).toEqual({
        action: "UNCHANGED",
        changed: false,
        [field]: { id, recordTime },
        problems: [],
      });
      expect(sql.filter((statement) => WRITES.test(statement))).toEqual([]);
      expect(sql.length).toBeLessThanOrEqual(6);
      if (byKey) return;
      // Answered by its own subgraph alone: the others run nothing (gateway/record-sources.ts).
      const again = await counted(upsert(type, field), variables);
      expect(again.data).toEqual(data);
      for (const [name, statements] of again.bySubgraph) {
        expect(statements, name).toHaveLength(name === subgraph ? sql.length : 0);
      }
    });
  }

  it("a changed record is answered as written, its system time one revision on, without reading it again", async () => {
    const { input, sources, recordTime } = await stored("statement", KINDS[0].id);
    const changed = { ...input, summary: `${input.summary ?? ""} (changed)` };
    const { data, sql } = await counted(upsert("Statement", "statement"), {
      input: changed,
      sources,
    });
    const written = data.upsertStatement.statement;
    expect(data.upsertStatement.action).toBe("UPDATED");
    expect(written.recordTime.revision).toBe(recordTime.revision + 1);
    expect(written.recordTime.createdAt).toBe(recordTime.createdAt);
    const after = await stored("statement", KINDS[0].id);
    expect(after.input.summary).toBe(changed.summary);
    expect(written.recordTime).toEqual(after.recordTime);
    // The statement row is read by the gateway's unchangedOnly try (rolled back), then once in
    // the write (by the snapshot before it) and once after it.
    const reads = sql.filter((s) => s.startsWith('SELECT "Statement"."id"'));
    expect(reads).toHaveLength(3);
    // Its quotes and attributions did not change: their rows are not rewritten.
    expect(rewritten(sql)).toEqual([]);
  });

  it("a changed quote rewrites its row only, not the other quotes nor the attributions", async () => {
    const { input, sources } = await stored("statement", KINDS[0].id);
    const quotes = input.quotes.map((q: any, i: number) =>
      i === 0 ? { ...q, text: `${q.text} (changed)` } : q,
    );
    const { data, sql } = await counted(upsert("Statement", "statement"), {
      input: { ...input, quotes },
      sources,
    });
    expect(data.upsertStatement.action).toBe("UPDATED");
    expect(rewritten(sql)).toEqual(["quote"]);
    // The changed quote's row only: one row inserted, whatever the number of quotes.
    expect(input.quotes.length).toBeGreaterThan(1);
    const inserts = sql.filter((s) => s.startsWith('INSERT INTO "governments"."quote"'));
    expect(inserts.flatMap((s) => s.match(/\(DEFAULT,/g) ?? [])).toHaveLength(1);
    expect((await stored("statement", KINDS[0].id)).input.quotes).toEqual(quotes);
  });

  it("a source no subgraph holds is looked up in each registry, not in the records that cite sources; the others check and register all of a write's sources in one request each", async () => {
    const { input, sources } = await stored("statement", KINDS[0].id);
    const fresh = { key: "write-count-new-source", title: "Cited by no record yet" };
    const sent = [...sources, fresh];
    expect(sent.length).toBeGreaterThan(2);
    const { data, sql, bySubgraph } = await counted(upsert("Statement", "statement"), {
      input: { ...input, sources: [...input.sources, fresh.key] },
      sources: sent,
    });
    expect(data.upsertStatement.action).toBe("UPDATED");
    const lookups = (sql: string[]) =>
      sql.filter((s) => s.includes(".source_fork WHERE key = ANY"));
    // In each other subgraph: the dry run of every source, then the registration of the new one.
    for (const name of ["incidents", "legal-actions"]) {
      expect(lookups(bySubgraph.get(name)!), name).toHaveLength(2);
    }
    expect(sql.filter((s) => /jsonb_array_elements\(t\."?sources/.test(s))).toEqual([]);
  });
});

// A write citing sources no subgraph holds: each other subgraph registers and audits them at once.
describe("services > writes > new sources", () => {
  it("a write citing new sources audits them in each other subgraph in one statement, in the order sent", async () => {
    const { input, sources } = await stored("statement", KINDS[0].id);
    const fresh = ["a", "b", "c"].map((n) => ({ key: `write-count-audit-${n}`, title: n }));
    const { bySubgraph } = await counted(upsert("Statement", "statement"), {
      input: { ...input, sources: [...input.sources, ...fresh.map((f) => f.key)] },
      sources: [...sources, ...fresh],
    });
    for (const { name, dataSource } of federation.subgraphs.filter(
      (s) => s.name !== "governments",
    )) {
      const audits = bySubgraph.get(name)!.filter((s) => /INSERT INTO "\w+"\.audit_log/.test(s));
      expect(audits, name).toHaveLength(1);
      const schema = (dataSource.options as { schema: string }).schema;
      const rows = await dataSource.query(
        `SELECT l.entity_id, l.action, l.at = s.updated_at AS at_its_time, l.after->'record'->>'title' AS title
           FROM "${schema}".audit_log l JOIN "${schema}".source s ON s.key = l.entity_id
          WHERE l.entity_type = 'Source' AND l.entity_id LIKE 'write-count-audit-%' ORDER BY l.id`,
      );
      expect(rows, name).toEqual(
        fresh.map((f) => ({
          entity_id: f.key,
          action: "CREATED",
          at_its_time: true,
          title: f.title,
        })),
      );
    }
  });
});
