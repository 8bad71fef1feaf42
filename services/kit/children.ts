import { isDeepStrictEqual } from "node:util";
import { type EntityManager, In, type ObjectLiteral } from "typeorm";
import type { ResponseBudget } from "./budget";
import { builtOnce } from "./built-select";

/** A row kept in its record's order (`position`), under its record (`parent` column). */
export type Child<K extends string> = { position: number } & Record<K, string>;

/** A child list in bundle form, as stored and as written. */
export interface Lists {
  before: unknown[];
  after: unknown[];
}

/**
 * The record's `key` list (bundle form) and the stored record's (`before`, as the write path
 * passes it; none for a record new or loaded from a bundle, whose rows are all written).
 */
export function listsOf(
  before: Record<string, unknown> | undefined,
  record: object,
  key: string,
): Lists | undefined {
  if (!before) return undefined;
  const list = (value: unknown) => (value ?? []) as unknown[];
  return { before: list(before[key]), after: list((record as Record<string, unknown>)[key]) };
}

/**
 * Replaces the rows of `entity` under the record `id` with `rows`, in their order. Given the
 * lists as stored and as written (`lists`), only the rows whose position holds another item
 * are deleted and inserted: an unchanged list writes nothing.
 */
export async function replaceChildren<K extends string>(
  tx: EntityManager,
  entity: new () => Child<K>,
  parent: K,
  id: string,
  rows: object[],
  lists?: Lists,
): Promise<void> {
  const kept = lists
    ? lists.after.flatMap((item, i) => (isDeepStrictEqual(item, lists.before[i]) ? [i] : []))
    : [];
  const stale = lists ? lists.before.length - kept.length : 1;
  const repository = tx.getRepository(entity);
  if (stale > 0) {
    await repository
      .createQueryBuilder()
      .delete()
      .where({ [parent]: id })
      .andWhere("position <> ALL(CAST(:kept AS integer[]))", { kept })
      .execute();
  }
  const fresh = rows
    .map((row, position) => ({ ...row, [parent]: id, position }))
    .filter((row) => !kept.includes(row.position));
  if (fresh.length) await repository.insert(fresh as never);
}

/**
 * The child lists of `record`, rows under `parent` = its id: `replace(entity, key, rows)` replaces
 * the rows of its `key` list (`replaceChildren`), writing only what changed since `before`.
 */
export function childLists<K extends string>(
  tx: EntityManager,
  parent: K,
  record: { id: string },
  before: Record<string, unknown> | undefined,
) {
  return (entity: new () => Child<K>, key: string, rows: object[]): Promise<void> =>
    replaceChildren(tx, entity, parent, record.id, rows, listsOf(before, record, key));
}

/** The rows of `entity` under any of the records `ids`, in their records' order. */
export function findChildren<T extends Child<K>, K extends string>(
  db: EntityManager,
  entity: new () => T,
  parent: K,
  ids: readonly string[],
): Promise<T[]> {
  return db
    .getRepository(entity)
    .find({ where: { [parent]: In([...ids]) }, order: { position: "ASC" } } as never);
}

/** The rows of `entity` under each of the records `ids`, in their order: `rowsOf(id)`. */
export async function childrenOf<T extends Child<K>, K extends string>(
  db: EntityManager,
  entity: new () => T,
  parent: K,
  ids: string[],
): Promise<(id: string) => T[]> {
  const rows = await findChildren(db, entity, parent, ids);
  return (id) => rows.filter((row) => row[parent] === id);
}

/** The most child rows one statement reads (quotes are the widest: 20 per statement). */
export const CHILD_PART = 250;

/**
 * The rows of `entity` under any of the records `ids`, by parent then position, read CHILD_PART
 * rows at a time (keyset on parent and position) and each part charged to `budget`: the quotes
 * of a page of statements stop at the first part past the budget instead of arriving all at once.
 */
export async function readChildren<T extends Child<K>, K extends string>(
  db: EntityManager,
  budget: ResponseBudget,
  entity: new () => T,
  parent: K,
  ids: readonly string[],
): Promise<T[]> {
  const rows: T[] = [];
  for (let last: T | undefined; ;) {
    budget.ensureRoom();
    const part = await childPart(db, entity, parent, !!last).entities(db, {
      ids,
      lastParent: last?.[parent],
      lastPosition: last?.position,
    });
    budget.charge(part as ObjectLiteral[]);
    rows.push(...part);
    if (part.length < CHILD_PART) return rows;
    last = part.at(-1);
  }
}

/** The SELECT of a part of the rows under some records: the first, or the next after `last`. */
function childPart<T extends Child<K>, K extends string>(
  db: EntityManager,
  entity: new () => T,
  parent: K,
  next: boolean,
) {
  return builtOnce<T>(db.connection, entity, `children:${parent}:${next}`, () => {
    const query = db.connection
      .getRepository(entity)
      .createQueryBuilder("c")
      .where(`c.${parent} IN (:...ids)`)
      .orderBy(`c.${parent}`, "ASC")
      .addOrderBy("c.position", "ASC")
      .limit(CHILD_PART);
    if (next) query.andWhere(`(c.${parent}, c.position) > (:lastParent, :lastPosition)`);
    return query;
  });
}
