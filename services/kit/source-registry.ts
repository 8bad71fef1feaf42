import type { EntityManager } from "typeorm";
import { Column, Entity, PrimaryColumn } from "typeorm";
import type { SourceEntry } from "../../platform/bundle";
import { NOW_MS, RecordEntity } from "./record-time";
import { SLUG_CHECK } from "./sql";

/** A source as a record of its own: its key, its definition, and its system time. */
export interface StoredSource extends RecordEntity {
  key: string;
  definition: SourceEntry;
}

const entities = new Map<string, new () => StoredSource>();

/**
 * The `source` table of a subgraph's schema as a TypeORM entity: one class per schema, made here
 * so that every subgraph has the same registry. Each subgraph lists it with its entities.
 */
export function sourceEntity(schema: string): new () => StoredSource {
  const known = entities.get(schema);
  if (known) return known;
  @Entity({ name: "source", schema })
  class SourceRow extends RecordEntity implements StoredSource {
    @PrimaryColumn("text")
    key: string;

    /** The bundle's SourceEntry: no key, no empty fields. */
    @Column("jsonb")
    definition: SourceEntry;
  }
  entities.set(schema, SourceRow);
  return SourceRow;
}

/** The PostgreSQL schema of `db`'s registry, or none (a subgraph without sources). */
export function registrySchema(db: EntityManager): string | null {
  return db.connection.entityMetadatas.find((m) => m.tableName === "source")?.schema ?? null;
}

/** The registry's table in `db`'s subgraph, or none. */
export function registryTable(db: EntityManager): string | null {
  const schema = registrySchema(db);
  return schema ? `"${schema}"."source"` : null;
}

/**
 * The definitions the registry holds under `keys`, and which of the others were forked when the
 * registry was filled (`source_fork`): only those are still read from the copies records keep.
 * Every write registers what it cites, so a key in neither is cited nowhere here.
 */
export async function registeredSources(
  db: EntityManager,
  keys: string[],
): Promise<{ registered: Map<string, SourceEntry>; forked: string[] }> {
  const schema = registrySchema(db);
  if (!schema || !keys.length) return { registered: new Map(), forked: [] };
  const rows: { key: string; definition: SourceEntry | null }[] = await db.query(
    `SELECT key, definition FROM "${schema}".source WHERE key = ANY($1::text[])
     UNION ALL
     SELECT key, NULL FROM "${schema}".source_fork WHERE key = ANY($1::text[])`,
    [keys],
  );
  const registered = new Map<string, SourceEntry>();
  for (const row of rows) if (row.definition) registered.set(row.key, row.definition);
  const forked = rows.filter((row) => !row.definition && !registered.has(row.key));
  return { registered, forked: forked.map((row) => row.key) };
}

/**
 * Registers each source of `entries`: a new key is inserted; a key stored with another
 * definition is changed (one revision more) only when `update` says so, the checks having
 * refused it otherwise. Returns the keys whose row was inserted or changed, with its new
 * system time.
 */
export async function registerSources(
  tx: EntityManager,
  entries: Record<string, SourceEntry>,
  update: boolean,
): Promise<Map<string, Date>> {
  const table = registryTable(tx);
  const keys = Object.keys(entries);
  if (!table || !keys.length) return new Map();
  const rows: { key: string; updated_at: Date }[] = await tx.query(
    `INSERT INTO ${table} AS s (key, definition)
       SELECT key, jsonb_strip_nulls(definition) FROM jsonb_each($1::jsonb) AS e(key, definition)
     ON CONFLICT (key) DO UPDATE SET definition = excluded.definition,
       updated_at = GREATEST(${NOW_MS}, s.updated_at + interval '1 millisecond'),
       revision = s.revision + 1
       WHERE $2 AND s.definition <> excluded.definition
     RETURNING key, updated_at`,
    [JSON.stringify(entries), update],
  );
  return new Map(rows.map((row) => [row.key, row.updated_at]));
}

/**
 * Migration SQL for a subgraph's registry: the table, with system time as other records have
 * it, filled from the copies its records keep (`tables`: those with a `sources` column). A key
 * whose copies already differ stays out: writes citing it keep answering SOURCE_CONFLICT until
 * one definition is chosen with `updateSources`.
 */
export function sourceRegistrySql(schema: string, tables: string[]): string[] {
  return [
    `CREATE TABLE "${schema}".source (
       key text PRIMARY KEY ${SLUG_CHECK("key")},
       definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
       created_at timestamptz NOT NULL DEFAULT ${NOW_MS},
       updated_at timestamptz NOT NULL DEFAULT ${NOW_MS},
       revision integer NOT NULL DEFAULT 1 CHECK (revision > 0))`,
    `CREATE INDEX source_updated_idx ON "${schema}".source (updated_at, key)`,
    ...(tables.length ? [fillSourceRegistrySql(schema, tables)] : []),
  ];
}

/** Registers every source `tables` cite with one definition (a bulk load does it as the migration did). */
export function fillSourceRegistrySql(schema: string, tables: string[]): string {
  return `INSERT INTO "${schema}".source (key, definition)
             SELECT key, (array_agg(definition))[1] FROM (${copiesSql(schema, tables)}) c
              GROUP BY key HAVING count(*) = 1`;
}

/** Each distinct (key, definition) the copies in `tables` keep. */
const copiesSql = (schema: string, tables: string[]) =>
  tables
    .map(
      (table) =>
        `SELECT e->>'id' AS key, jsonb_strip_nulls(e - 'id') AS definition
           FROM "${schema}".${table} t, jsonb_array_elements(t.sources) e`,
    )
    .join(" UNION ");

/**
 * Migration SQL for the keys the registry left out because their copies differ: a write's
 * source check reads the copies for these alone, instead of searching every citing table for
 * every key it does not find registered (the MISP galaxy's first load: 13 of its 17 s in
 * PostgreSQL). Writes register what they cite, so no key is forked after the registry exists.
 */
export function sourceForkSql(schema: string, tables: string[]): string[] {
  return [
    `CREATE TABLE "${schema}".source_fork (key text PRIMARY KEY)`,
    ...(tables.length ? [fillSourceForkSql(schema, tables)] : []),
  ];
}

/** Records the cited keys the registry lacks (a bulk load does it as the migration did). */
export function fillSourceForkSql(schema: string, tables: string[]): string {
  return `INSERT INTO "${schema}".source_fork (key)
             SELECT DISTINCT key FROM (${copiesSql(schema, tables)}) c
              WHERE NOT EXISTS (SELECT 1 FROM "${schema}".source s WHERE s.key = c.key)
          ON CONFLICT DO NOTHING`;
}
