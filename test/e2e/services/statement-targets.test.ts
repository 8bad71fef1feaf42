import { Pool } from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type BenchIds, benchCases, pickIds } from "../../../bench/cases";
import { difference } from "../../../bench/measure";
import { bulkLoad, endPool } from "../../../harness/bulk-load";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { generateDataset } from "../../../harness/generate";
import { BENCH_EDITOR, unchangedWriteCase } from "../../../bench/write-case";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const serverUrl = inject("serverUrl");

// The benchmark's six queries on its generated data (issue 23's targets): each list page is one
// statement with its rows and, when asked, its count; a reference fetch one per type and plan
// step. The answers are the SQL floor's, field for field, so fewer statements lose nothing.
describe("services > SQL statements per query > the benchmark's queries", async () => {
  const TARGETS: Record<string, number> = {
    "incident story": 13,
    "government story": 8,
    "actor story": 7,
    "search story": 6,
    "filtered list": 4,
    "text search": 2,
    "broad text search": 1,
  };
  const benchUrl = await createDatabase(serverUrl, "counts_bench");
  let bench: TestFederation | undefined;
  let pool: Pool | undefined;
  const cleanUp = async () => {
    await bench?.stop();
    // endPool: pool.end() resolves before its clients close, and the drop would kill them.
    if (pool) await endPool(pool);
    await dropDatabase(serverUrl, benchUrl);
  };
  afterAll(cleanUp);
  let ids: BenchIds;
  try {
    await prepareDatabase(benchUrl);
    await bulkLoad(benchUrl, generateDataset(2_000), () => undefined);
    pool = new Pool({ connectionString: benchUrl, max: 2 });
    bench = await startTestFederation(benchUrl);
    ids = await pickIds(pool);
  } catch (error) {
    await cleanUp(); // afterAll does not run when collecting fails
    throw error;
  }
  it("the bulk load registers the sources its records cite, as the registry migration does", async () => {
    for (const [schema, table] of [
      ["governments", "statement"],
      ["incidents", "incident"],
      ["legal", "legal_action"],
    ]) {
      const { rows } = await pool!.query<{ missing: number; registered: number }>(
        `SELECT (SELECT count(*)::int FROM ${schema}.${table} t, jsonb_array_elements(t.sources) e
                  WHERE NOT EXISTS (SELECT 1 FROM ${schema}.source s WHERE s.key = e->>'id')) AS missing,
                (SELECT count(*)::int FROM ${schema}.source) AS registered`,
      );
      expect(rows[0], schema).toEqual({ missing: 0, registered: expect.any(Number) });
      expect(rows[0].registered, schema).toBeGreaterThan(0);
    }
  });
  // The benchmark's write: a stored statement re-sent as its bundle record holds it, as an editor.
  it("unchanged write: the floor's answer, UNCHANGED, at most 6 statements in its subgraph and none in the others", async () => {
    const write = await unchangedWriteCase(benchUrl, pool!, ids.government);
    await write.prepare!(async (query, variables) => (await bench!.query(query, variables)).data);
    const send = () => bench!.query<any>(write.query, write.variables, { token: write.token });
    const first = await send(); // registers its sources in the other subgraphs, if they lack them
    expect(first.errors).toBeUndefined();
    const governments = bench!.subgraphs.find((s) => s.name === "governments")!;
    const [before, allBefore] = [governments.statements.count, bench!.statementCount()];
    const answer = await send();
    const statements = governments.statements.count - before;
    // Answered UNCHANGED by its own subgraph, the others are not asked (gateway/record-sources.ts).
    expect(bench!.statementCount() - allBefore - statements).toBe(0);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.upsertStatement.action).toBe("UNCHANGED");
    expect(difference(answer.data, await write.floor(pool!))).toBeNull();
    expect(statements).toBeLessThanOrEqual(6);
    // Each run of the benchmark makes its key and revokes the last run's: one stays active.
    await unchangedWriteCase(benchUrl, pool!, ids.government);
    const { rows: active } = await pool!.query(
      `SELECT count(*)::int AS n FROM access.api_key WHERE name = $1 AND revoked_at IS NULL`,
      [BENCH_EDITOR],
    );
    expect(active).toEqual([{ n: 1 }]);
  });
  for (const benchCase of benchCases(ids)) {
    it(`${benchCase.name}: at most ${TARGETS[benchCase.name]} statements, the floor's answer`, async () => {
      const answer = await bench!.query(benchCase.query, benchCase.variables);
      expect(answer.errors).toBeUndefined();
      expect(difference(answer.data, await benchCase.floor(pool!))).toBeNull();
      const count = await bench!.countStatements(benchCase.query, benchCase.variables);
      expect(count).toBeLessThanOrEqual(TARGETS[benchCase.name]);
    });
  }
});
