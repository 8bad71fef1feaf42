import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, databaseConfig, dropDatabase } from "../../../harness/database";
import { withSubgraphDatabase } from "../../../services/kit/subgraph";
import { subgraphs } from "../../../services";

const serverUrl = inject("serverUrl");
let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await createDatabase(serverUrl, "record_time_migration");
});
afterAll(async () => {
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

/** The record tables of each subgraph, as its system-time migration lists them. */
const RECORD_TABLES: Record<string, string[]> = {
  governments: ["government", "agency", "official", "statement", "attribution"],
  incidents: ["threat_actor", "incident"],
  legal: ["legal_action"],
};

// Records stored before system time existed get the migration's time and revision 1; every
// record table gets its (updated_at, id) index and each subgraph its tombstone table.
describe("services > record time > migration", () => {
  it("gives existing rows the migration's time, revision 1, and indexes (updated_at, id)", async () => {
    const config = databaseConfig(databaseUrl, { poolSize: 2 });
    const [{ definition }] = subgraphs;
    const recordTime = definition.migrations.findIndex((m) => m.name.startsWith("RecordTime"));
    const earlier = { ...definition, migrations: definition.migrations.slice(0, recordTime) };
    await withSubgraphDatabase(earlier, config, { migrate: true }, async (db) => {
      await db.query(`INSERT INTO governments.government (id, name, kind)
        VALUES ('old-one', 'Old One', 'STATE'), ('old-two', 'Old Two', 'STATE')`);
    });
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (const { definition: subgraph } of subgraphs) {
      await withSubgraphDatabase(subgraph, config, { migrate: true }, async () => undefined);
    }
    await withSubgraphDatabase(definition, config, { migrate: false }, async (db) => {
      const rows: { created_at: Date; updated_at: Date; revision: number }[] = await db.query(
        `SELECT created_at, updated_at, revision FROM governments.government ORDER BY id`,
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.revision).toBe(1);
        expect(row.updated_at).toEqual(row.created_at);
        expect(row.created_at).toEqual(rows[0].created_at);
        expect(row.created_at.getTime()).toBeGreaterThanOrEqual(started);
        expect(row.created_at.getTime()).toBeLessThanOrEqual(Date.now());
      }
      const indexes: { schemaname: string; indexname: string; indexdef: string }[] = await db.query(
        `SELECT schemaname, indexname, indexdef FROM pg_indexes
            WHERE indexname LIKE '%updated_idx' OR tablename = 'tombstone'`,
      );
      for (const [schema, tables] of Object.entries(RECORD_TABLES)) {
        for (const table of tables) {
          const index = indexes.find((i) => i.indexname === `${table}_updated_idx`);
          expect(index?.indexdef, `${schema}.${table}`).toMatch(/\(updated_at, id\)$/);
        }
        expect(
          indexes.some((i) => i.schemaname === schema && i.indexname === "tombstone_pkey"),
        ).toBe(true);
      }
    });
  });
});
