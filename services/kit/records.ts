import { type EntityManager, In, type ObjectLiteral } from "typeorm";
import { registerSources } from "./source-registry";
import {
  type Bundle,
  type BundleKey,
  type SourceEntry,
  citedSources,
  compact,
} from "../../platform/bundle";
import type { Path, Problem } from "../../platform/problem";
import { stampLoaded } from "./record-stamps";

/** A record in bundle form with every source it cites. */
export interface RecordSnapshot {
  record: Record<string, unknown>;
  sources: Record<string, SourceEntry>;
}

/**
 * How one kind of record is written to its subgraph's tables, in the bundle form its GraphQL
 * input type `I` defines (the same shape as the files of data/), and read back in that form:
 * the write path compares and audits the record before and after.
 */
export interface RecordWrites<I extends { id: string }, T> {
  /** GraphQL type name: "Statement". */
  type: string;
  /** Key of the kind's list in a bundle: "statements". */
  bundleKey: BundleKey;
  /** One row per record: deleting it deletes the record (its children cascade). */
  entity: new () => T;
  /** What only the database can tell: references to records that do not exist. */
  check(db: EntityManager, input: I, path: Path): Promise<Problem[]>;
  /**
   * Writes the record; given the stored one (`before`, bundle form), only the child tables whose
   * lists changed (`listChanged`, children.ts).
   */
  write(
    tx: EntityManager,
    record: I,
    sources: Record<string, SourceEntry>,
    before?: Record<string, unknown>,
  ): Promise<void>;
  /** The records in bundle form, by id; absent ids are missing from the map. */
  snapshotMany(tx: EntityManager, ids: string[]): Promise<Map<string, RecordSnapshot>>;
  /** Records written as part of this one, each a `Node` with its own system time. */
  parts?: RecordPart[];
}

/**
 * Records written as part of another (a statement's attributions): rewritten with it, but each
 * with its own system time and its own tombstone when the record is written without it.
 */
export interface RecordPart {
  /** GraphQL type name: "Attribution". */
  type: string;
  entity: new () => ObjectLiteral;
  /** The parts of a record in bundle form (as written or as snapshot), by id. */
  of(record: Record<string, unknown>): Map<string, unknown>;
}

/** `of` for parts listed under `key` with an `id` each. */
export const partsUnder =
  (key: string) =>
  (record: Record<string, unknown>): Map<string, unknown> =>
    new Map(((record[key] ?? []) as { id: string }[]).map((part) => [part.id, part]));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRecordWrites = RecordWrites<any, unknown>;

/** The row each snapshot was built from: a write answers its payload with it, read once. */
const rowsOf = new WeakMap<RecordSnapshot, object>();

/** The entity row `snapshot` was built from (by `snapshots`), if it was. */
export const rowOf = (snapshot: RecordSnapshot): object | undefined => rowsOf.get(snapshot);

/**
 * Bundle-form snapshots of the rows of `entity` with these ids (read here), each with the sources
 * its `build` cites.
 */
export async function snapshots<T extends { id: string }>(
  tx: EntityManager,
  entity: new () => T,
  ids: string[],
  build: (row: T, sources: Record<string, SourceEntry>) => Record<string, unknown>,
): Promise<Map<string, RecordSnapshot>> {
  const rows = await tx.getRepository(entity).findBy({ id: In(ids) } as never);
  return new Map(
    rows.map((row) => {
      const sources: Record<string, SourceEntry> = {};
      const snapshot = { record: compact(build(row, sources)), sources };
      rowsOf.set(snapshot, row);
      return [row.id, snapshot];
    }),
  );
}

/** Writes a subgraph's part of a bundle in one transaction, kinds in the order given. */
export function bundleLoader(kinds: AnyRecordWrites[]) {
  return (db: EntityManager, bundle: Bundle): Promise<number> =>
    db.transaction(async (tx) => {
      let written = 0;
      const cited: Record<string, SourceEntry> = {};
      for (const kind of kinds) {
        const records = bundle[kind.bundleKey] ?? [];
        for (const record of records) {
          await kind.write(tx, record, bundle.sources ?? {});
          for (const { key } of citedSources(record)) cited[key] = bundle.sources![key];
          written += 1;
        }
        await stampLoaded(tx, kind, records);
      }
      // The sources its records cite are records of this subgraph too, as after a write.
      await registerSources(tx, cited, false);
      return written;
    });
}

/** The ids among `ids` that no row of `entity` has. */
export async function missingIds(
  db: EntityManager,
  entity: new () => ObjectLiteral,
  ids: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Set();
  const found = await db
    .getRepository(entity)
    .find({ select: { id: true }, where: { id: In(wanted) } });
  const present = new Set(found.map((row) => row.id as string));
  return new Set(wanted.filter((id) => !present.has(id)));
}

/** A reference to check: the path of the field and the id it names. */
export interface Reference {
  path: Path;
  id: string | null | undefined;
}

/** Problems for references to `type` records that do not exist: one query for all of them. */
export async function referenceProblems(
  db: EntityManager,
  entity: new () => ObjectLiteral,
  type: string,
  references: Reference[],
): Promise<Problem[]> {
  const named = references.filter((r): r is { path: Path; id: string } => Boolean(r.id));
  const missing = await missingIds(
    db,
    entity,
    named.map((r) => r.id),
  );
  return named
    .filter((r) => missing.has(r.id))
    .map((r) => ({ path: r.path, code: "NOT_FOUND", message: `${type} "${r.id}" does not exist` }));
}
