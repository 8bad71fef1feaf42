import { isDeepStrictEqual } from "node:util";
import type { EntityManager } from "typeorm";
import { NOW_MS, type RecordTime } from "./record-time";
import type { AnyRecordWrites, RecordPart, RecordSnapshot } from "./records";
import { buryRecords, unburyRecords } from "./tombstones";

/**
 * System time as the write path keeps it: a record's own row is stamped in place after a write
 * that changed it; its parts (a statement's attributions, rewritten with it) get back the times
 * they had, moved on only for the parts that changed. A delete leaves tombstones.
 */

interface Times {
  created_at: Date;
  updated_at: Date;
  revision: number;
}

/** The parts' times before a write, one map per part kind, by id. */
export type PartTimes = Map<string, Times>[];

/** Now, or a millisecond after `column` if the clock has not moved on: a change is always later. */
const later = (column: string) => `GREATEST(n.at, ${column} + interval '1 millisecond')`;
const tableOf = (tx: EntityManager, entity: new () => unknown) =>
  tx.connection.getMetadata(entity).tablePath;
const partsOf = (part: RecordPart, snapshot: RecordSnapshot | null) =>
  snapshot ? part.of(snapshot.record) : new Map<string, unknown>();

/** Read before the write: the record's parts as stored. */
export async function partTimes(
  tx: EntityManager,
  writes: AnyRecordWrites,
  before: RecordSnapshot | null,
): Promise<PartTimes> {
  const saved: PartTimes = [];
  for (const part of writes.parts ?? []) {
    const ids = [...partsOf(part, before).keys()];
    const rows: (Times & { id: string })[] = ids.length
      ? await tx.query(
          `SELECT id, created_at, updated_at, revision FROM ${tableOf(tx, part.entity)}
            WHERE id = ANY($1::text[])`,
          [ids],
        )
      : [];
    saved.push(new Map(rows.map((row) => [row.id, row])));
  }
  return saved;
}

/**
 * After a write that changed the record: created (revision 1) or one revision more. One time
 * for the whole write, the record's new updatedAt: its changed parts and their tombstones share
 * it. Returns the record's new system time (the payload's `recordTime`, not read again).
 */
export async function stampWrite(
  tx: EntityManager,
  schema: string,
  writes: AnyRecordWrites,
  change: { id: string; before: RecordSnapshot | null; after: RecordSnapshot; saved: PartTimes },
): Promise<RecordTime> {
  const table = tableOf(tx, writes.entity);
  const now = `(SELECT ${NOW_MS} AS at) n`;
  const returning = `RETURNING t.created_at AS "createdAt", t.updated_at AS "updatedAt", t.revision`;
  // TypeORM answers an UPDATE as [rows, count].
  const [[time]]: [[RecordTime]] = await tx.query(
    change.before
      ? `UPDATE ${table} AS t SET updated_at = ${later("t.updated_at")},
           revision = t.revision + 1 FROM ${now} WHERE t.id = $1 ${returning}`
      : // Created, perhaps again after a delete: its tombstone goes in the same statement.
        `WITH unburied AS (DELETE FROM "${schema}".tombstone WHERE type = $2 AND id = $1)
         UPDATE ${table} AS t SET created_at = n.at, updated_at = n.at, revision = 1
           FROM ${now} WHERE t.id = $1 ${returning}`,
    change.before ? [change.id] : [change.id, writes.type],
  );
  const at = time.updatedAt;
  for (const [i, part] of (writes.parts ?? []).entries()) {
    await stampParts(tx, schema, part, { ...change, at, saved: change.saved[i] });
  }
  return time;
}

/** Each part kept, changed or new gets its times; each part gone leaves a tombstone. */
async function stampParts(
  tx: EntityManager,
  schema: string,
  part: RecordPart,
  change: {
    before: RecordSnapshot | null;
    after: RecordSnapshot;
    at: Date;
    saved: Map<string, Times>;
  },
) {
  const [before, after] = [partsOf(part, change.before), partsOf(part, change.after)];
  const rows = [...after].map(([id, value]) => ({
    id,
    times: change.saved.get(id),
    changed: !isDeepStrictEqual(before.get(id), value),
  }));
  if (rows.length) {
    // A part without times is new; the others keep theirs unless they changed.
    await tx.query(
      `UPDATE ${tableOf(tx, part.entity)} AS t SET
         created_at = coalesce(v.created_at, n.at),
         updated_at = CASE WHEN v.created_at IS NULL THEN n.at
           WHEN v.changed THEN ${later("v.updated_at")} ELSE v.updated_at END,
         revision = CASE WHEN v.created_at IS NULL THEN 1
           WHEN v.changed THEN v.revision + 1 ELSE v.revision END
       FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::int[], $5::boolean[])
         AS v(id, created_at, updated_at, revision, changed), (SELECT $6::timestamptz AS at) n
       WHERE t.id = v.id`,
      [
        rows.map((row) => row.id),
        rows.map((row) => row.times?.created_at ?? null),
        rows.map((row) => row.times?.updated_at ?? null),
        rows.map((row) => row.times?.revision ?? null),
        rows.map((row) => row.changed),
        change.at,
      ],
    );
  }
  const created = rows.filter((row) => !row.times).map((row) => row.id);
  await unburyRecords(tx, schema, part.type, created);
  const gone = [...before.keys()].filter((id) => !after.has(id));
  await buryRecords(
    tx,
    schema,
    gone.map((id) => ({ type: part.type, id })),
    change.at,
  );
}

/** After a delete: one tombstone for the record and one for each of its parts; their time. */
export async function stampDelete(
  tx: EntityManager,
  schema: string,
  writes: AnyRecordWrites,
  id: string,
  before: RecordSnapshot,
): Promise<Date> {
  const parts = (writes.parts ?? []).flatMap((part) =>
    [...partsOf(part, before).keys()].map((partId) => ({ type: part.type, id: partId })),
  );
  const [{ at }]: { at: Date }[] = await tx.query(`SELECT ${NOW_MS} AS at`);
  await buryRecords(tx, schema, [{ type: writes.type, id }, ...parts], at);
  return at;
}

/**
 * After a bundle load (a first start): the column defaults read the clock once per column, so
 * a record created in the last microseconds of a millisecond could show updatedAt > createdAt.
 */
export async function stampLoaded(
  tx: EntityManager,
  writes: AnyRecordWrites,
  records: Record<string, unknown>[],
) {
  const tables = [
    { entity: writes.entity, ids: records.map((record) => String(record.id)) },
    ...(writes.parts ?? []).map((part) => ({
      entity: part.entity,
      ids: records.flatMap((record) => [...part.of(record).keys()]),
    })),
  ];
  for (const { entity, ids } of tables.filter((table) => table.ids.length)) {
    await tx.query(
      `UPDATE ${tableOf(tx, entity)} SET updated_at = created_at
        WHERE id = ANY($1::text[]) AND updated_at <> created_at`,
      [ids],
    );
  }
}
