import { Pool } from "pg";
import { fillSourceForkSql, fillSourceRegistrySql } from "../services/kit/source-registry";
import type { Dataset, Row } from "./generate";

const BATCH_ROWS = 2_000;

/**
 * Empties the subgraphs' tables, then inserts `dataset` straight into them: one statement per
 * batch of rows (json_populate_recordset), two batches at a time, registers the sources they
 * cite, then VACUUM ANALYZE.
 */
export async function bulkLoad(
  url: string,
  dataset: Dataset,
  log: (line: string) => void,
): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    const names = dataset.tables.map(({ table }) => table);
    await pool.query(`TRUNCATE ${[...names].reverse().join(", ")} CASCADE`);
    for (const { table, rows } of dataset.tables) {
      const started = performance.now();
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]).join(", ");
      const sql = `INSERT INTO ${table} (${columns})
        SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`;
      const batches: Row[][] = [];
      for (let i = 0; i < rows.length; i += BATCH_ROWS) batches.push(rows.slice(i, i + BATCH_ROWS));
      let done = 0;
      let next = 0;
      let reported = 0;
      const worker = async () => {
        while (next < batches.length) {
          const batch = batches[next++];
          await pool.query(sql, [JSON.stringify(batch)]);
          done += batch.length;
          if (done - reported >= 20_000 && done < rows.length) {
            reported = done;
            log(`  ${table}: ${done}/${rows.length} rows`);
          }
        }
      };
      await Promise.all([worker(), worker()]);
      const seconds = (performance.now() - started) / 1000;
      log(`  ${table}: ${rows.length} rows in ${seconds.toFixed(1)} s`);
    }
    await registerSources(pool, names);
    const started = performance.now();
    await pool.query(`VACUUM (ANALYZE) ${names.join(", ")}`);
    log(`  VACUUM ANALYZE in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await endPool(pool);
  }
}

/**
 * Ends a pg pool and waits until every one of its connections is closed. `pool.end()` resolves
 * as soon as it has asked its idle clients to end, before they have: stopping PostgreSQL right
 * after kills them first ("terminating connection due to administrator command"), and an idle
 * client's error is re-emitted by the pool, which kills the process without an 'error' handler.
 */
export async function endPool(pool: Pool, timeoutMs = 5_000): Promise<void> {
  pool.on("error", () => undefined);
  const open = pool.totalCount;
  let removed = 0;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on("remove", () => {
      removed += 1;
      if (removed >= open) resolve();
    });
  });
  await pool.end();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}

/**
 * Each loaded schema's source registry as a migrated database has it: every source its records
 * cite with one definition (what the registry migration and every write since keep), and the
 * keys left out as forked.
 */
async function registerSources(pool: Pool, tables: string[]) {
  const { rows } = await pool.query<{ schema: string; tables: string[] }>(
    `SELECT c.table_schema AS schema, array_agg(c.table_name::text ORDER BY c.table_name) AS tables
       FROM information_schema.columns c
      WHERE c.column_name = 'sources' AND c.data_type = 'jsonb'
        AND c.table_schema = ANY($1)
        AND EXISTS (SELECT 1 FROM information_schema.tables t
                     WHERE t.table_schema = c.table_schema AND t.table_name = 'source')
      GROUP BY c.table_schema`,
    [[...new Set(tables.map((table) => table.split(".")[0].replaceAll('"', "")))]],
  );
  for (const { schema, tables: citing } of rows) {
    await pool.query(`TRUNCATE "${schema}".source, "${schema}".source_fork`);
    await pool.query(fillSourceRegistrySql(schema, citing));
    await pool.query(fillSourceForkSql(schema, citing));
  }
}
