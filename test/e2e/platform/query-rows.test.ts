import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { DataSource } from "typeorm";
import { StatementCounter, createDataSource, queryRows } from "../../../platform/database";
import { postgresFailure } from "../../../platform/postgres-errors";
import { Government } from "../../../services/governments/government";
import { databaseConfig } from "../../../harness/database";

// The subgraphs' reads go straight to the pool, yet count, fail and join transactions as
// TypeORM's own `query` does.
describe("platform > queryRows", () => {
  const statements = new StatementCounter();
  let db: DataSource;
  beforeAll(async () => {
    db = createDataSource(
      { ...databaseConfig(inject("datasetUrl")), statementTimeoutMs: 200 },
      { schema: "governments", entities: [Government], migrations: [], logger: statements },
    );
    await db.initialize();
  });
  afterAll(() => db?.destroy());

  it("reads rows on the pool without a query runner, and the statement counter sees it", async () => {
    const runners = vi.spyOn(db, "createQueryRunner");
    const before = statements.count;
    const rows = await queryRows<{ id: string }>(
      db,
      "SELECT id FROM governments.government WHERE id = ANY($1::text[]) ORDER BY id",
      [["us", "gb", "nowhere"]],
    );
    expect(rows).toEqual([{ id: "gb" }, { id: "us" }]);
    expect(statements.count - before).toBe(1);
    expect(runners).not.toHaveBeenCalled();
    runners.mockRestore();
  });

  it("fails as TypeORM would: a statement timeout is answered TIMEOUT", async () => {
    const error = await queryRows(db, "SELECT pg_sleep(2)", []).catch((e: unknown) => e);
    expect(postgresFailure(error)?.code).toBe("TIMEOUT");
    expect((error as { query?: string }).query).toBe("SELECT pg_sleep(2)");
  });

  it("runs in the transaction of a transaction's manager, and outside it otherwise", async () => {
    const setting = "SELECT current_setting('attribution.probe', true) AS value";
    await db.transaction(async (tx) => {
      await tx.query("SELECT set_config('attribution.probe', 'inside', true)");
      expect(await queryRows(tx, setting, [])).toEqual([{ value: "inside" }]);
      const [outside] = await queryRows<{ value: string | null }>(db, setting, []);
      expect(outside.value ?? "").toBe("");
    });
  });

  it("reads TIMESTAMPTZ as the instant PostgreSQL stored, in any session time zone", async () => {
    const instants = `SELECT t AS value, to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS iso
      FROM unnest(ARRAY['2026-12-07 10:19:33.694123+00', '1999-12-31 23:59:59.9995-09:30',
        '2024-02-29 00:00:00+05:45', '0050-06-01 12:00:00+00', '1850-01-01 00:00:00+00']::timestamptz[]) AS t`;
    for (const zone of ["UTC", "Asia/Kathmandu", "America/St_Johns", "Europe/Amsterdam"]) {
      const rows = await db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('TimeZone', $1, true)`, [zone]);
        return queryRows<{ value: Date; iso: string }>(tx, instants, []);
      });
      expect(
        rows.map((row) => row.value.toISOString()),
        zone,
      ).toEqual(rows.map((row) => row.iso));
    }
  });
});
