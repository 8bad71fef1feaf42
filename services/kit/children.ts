import { type EntityManager, In } from "typeorm";

/** A row kept in its record's order (`position`), under its record (`parent` column). */
export type Child<K extends string> = { position: number } & Record<K, string>;

/** Replaces the rows of `entity` under the record `id` with `rows`, in their order. */
export async function replaceChildren<K extends string>(
  tx: EntityManager,
  entity: new () => Child<K>,
  parent: K,
  id: string,
  rows: object[],
): Promise<void> {
  const repository = tx.getRepository(entity);
  await repository.delete({ [parent]: id } as never);
  if (rows.length) {
    await repository.insert(
      rows.map((row, position) => ({ ...row, [parent]: id, position })) as never,
    );
  }
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
