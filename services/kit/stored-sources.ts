import { isDeepStrictEqual } from "node:util";
import type { EntityManager } from "typeorm";
import { type SourceEntry, type SourceRecord, compact } from "../../platform/bundle";
import { registeredSources } from "./source-registry";

/** The subgraph's tables whose rows keep the sources they cite (`sourceRecords`, jsonb). */
function citingTables(db: EntityManager): { table: string; column: string }[] {
  return db.connection.entityMetadatas.flatMap((metadata) => {
    const column = metadata.findColumnWithPropertyName("sourceRecords");
    if (!column) return [];
    const table = `"${metadata.schema ?? "public"}"."${metadata.tableName}"`;
    return [{ table, column: `"${column.databaseName}"` }];
  });
}

/** A source's definition as compared: no key, no empty fields. */
export const definition = ({ id: _id, ...entry }: SourceRecord | (SourceEntry & { id?: string })) =>
  compact(entry) as SourceEntry;

/**
 * Every definition this subgraph stores under each of `keys`: the registry's, by primary key;
 * for a key forked before sources were records, the copies kept by every record citing it.
 */
export async function storedSources(
  db: EntityManager,
  keys: string[],
): Promise<Map<string, SourceEntry[]>> {
  const { registered, forked } = await registeredSources(db, keys);
  const found = await copiedSources(db, forked);
  for (const [key, entry] of registered) found.set(key, [entry]);
  return found;
}

/** The definitions under `keys` of the copies the subgraph's records keep. */
async function copiedSources(
  db: EntityManager,
  keys: string[],
): Promise<Map<string, SourceEntry[]>> {
  const found = new Map<string, SourceEntry[]>();
  const tables = citingTables(db);
  if (!keys.length || !tables.length) return found;
  const rows: { source: SourceRecord }[] = await db.query(
    tables
      .map(
        ({ table, column }) =>
          `SELECT DISTINCT e AS source FROM ${table} t, jsonb_array_elements(t.${column}) e
           WHERE t.${column} @> ANY($2::jsonb[]) AND e->>'id' = ANY($1)`,
      )
      .join(" UNION "),
    [keys, keys.map((id) => JSON.stringify([{ id }]))],
  );
  for (const { source } of rows) {
    const entries = found.get(source.id) ?? [];
    const entry = definition(source);
    if (!entries.some((e) => isDeepStrictEqual(e, entry))) entries.push(entry);
    found.set(source.id, entries);
  }
  return found;
}

/**
 * Rewrites the stored copies of `sources` in every record of this subgraph that cites them with
 * another definition: a source changed with `updateSources: true` is the same source everywhere
 * it is cited here. Rows already citing the definition are left alone.
 */
export async function updateStoredSources(
  tx: EntityManager,
  sources: SourceRecord[],
): Promise<void> {
  for (const source of sources) {
    for (const { table, column } of citingTables(tx)) {
      await tx.query(
        `UPDATE ${table} SET ${column} = (
           SELECT jsonb_agg(CASE WHEN e->>'id' = $1 THEN $2::jsonb ELSE e END ORDER BY n)
           FROM jsonb_array_elements(${column}) WITH ORDINALITY AS x(e, n))
         WHERE ${column} @> $3::jsonb AND NOT ${column} @> $4::jsonb`,
        [
          source.id,
          JSON.stringify(source),
          JSON.stringify([{ id: source.id }]),
          JSON.stringify([source]),
        ],
      );
    }
  }
}
