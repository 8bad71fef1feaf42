import { Pool } from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type BenchIds, benchCases, pickIds } from "../../../bench/cases";
import { difference } from "../../../bench/measure";
import { bulkLoad } from "../../../harness/bulk-load";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { generateDataset } from "../../../harness/generate";
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
  };
  const benchUrl = await createDatabase(serverUrl, "counts_bench");
  let bench: TestFederation | undefined;
  let pool: Pool | undefined;
  const cleanUp = async () => {
    await bench?.stop();
    await pool?.end();
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
