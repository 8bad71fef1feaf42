import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { notFound } from "../../platform/errors";
import { type ResponseBudget, fetchWithin } from "./budget";
import { builtOnce } from "./built-select";
import { type Child, readChildren } from "./children";
import type { ConnectionArgs, ConnectionClass } from "./connection";
import { type NestedList, nestedConnection } from "./nested";
import { type Ordering, pageWindow } from "./pagination";
import type { AnyRecordWrites, RecordSnapshot } from "./records";
import type { WithCount } from "./selection";

/**
 * Rows of one kind a page of the request read (nested.ts), by key: a batch by key waits for the
 * pages reading at the time and takes their rows, so no row is read twice in one request,
 * whichever statement finishes first.
 */
export class SeenRows<V> {
  private readonly rows = new Map<string, V>();
  private readonly reading = new Set<Promise<unknown>>();

  /** Called as a page starts reading (synchronously, in its batch). */
  track(reading: Promise<unknown>): void {
    // Its failure is its own request's error: here it only ends the wait.
    const done: Promise<void> = reading.then(
      () => undefined,
      () => undefined,
    );
    this.reading.add(done);
    void done.then(() => this.reading.delete(done));
  }

  add(key: string, row: V): void {
    this.rows.set(key, row);
  }

  get(key: string): V | undefined {
    return this.rows.get(key);
  }

  /** Once the pages started in this tick and before have read their rows. */
  async settle(): Promise<void> {
    await null; // lets the batches dispatched in the same tick start
    while (this.reading.size) await Promise.allSettled([...this.reading]);
  }
}

/** A loader by key that also takes the rows pages of the request read (`seen`). */
export type KeyedLoader<V> = DataLoader<string, V | null> & { seen: SeenRows<V> };

/**
 * One value per key, `null` where the key matches no row (graphql/dataloader's contract). The
 * rows are read by parts and charged to the request's `budget` (fetchWithin).
 */
export function keyedLoader<V>(
  budget: ResponseBudget,
  fetch: (keys: readonly string[]) => Promise<V[]>,
  keyOf: (value: V) => string,
): KeyedLoader<V> {
  const seen = new SeenRows<V>();
  const loader = new DataLoader<string, V | null>(async (keys) => {
    await seen.settle();
    const missing = keys.filter((key) => seen.get(key) === undefined);
    const rows = missing.length ? await fetchWithin(budget, missing, fetch) : [];
    const byKey = new Map(rows.map((value) => [keyOf(value), value]));
    return keys.map((key) => seen.get(key) ?? byKey.get(key) ?? null);
  });
  return Object.assign(loader, { seen });
}

/** All values per key; `keysOf` may put one value under several keys (array columns). */
export function groupedLoader<V>(
  fetch: (keys: readonly string[]) => Promise<V[]>,
  keysOf: (value: V) => string | null | readonly (string | null)[],
): DataLoader<string, V[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<string, V[]>(keys.map((key) => [key, []]));
    for (const value of await fetch(keys)) {
      const valueKeys = keysOf(value);
      for (const key of Array.isArray(valueKeys) ? valueKeys : [valueKeys]) {
        if (key !== null) groups.get(key)?.push(value);
      }
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** The rows of `entity` under each parent (their `parent` column), in order, within `budget`. */
export function childrenLoader<T extends Child<K>, K extends string>(
  db: DataSource,
  budget: ResponseBudget,
  entity: new () => T,
  parent: K,
): DataLoader<string, T[]> {
  return groupedLoader(
    (ids) => readChildren(db.manager, budget, entity, parent, ids),
    (row) => row[parent],
  );
}

export async function loadAll<V>(loader: DataLoader<string, V | null>, ids: readonly string[]) {
  const values = await loader.loadMany(ids);
  return values.filter((value): value is V => value !== null && !(value instanceof Error));
}

/** Rows of `entity` by primary key `id`, batched and charged to `budget`. */
export function byIdLoader<T extends { id: string }>(
  db: DataSource,
  budget: ResponseBudget,
  entity: new () => T,
) {
  const select = builtOnce<T>(db, entity, "byId", () => {
    const alias = db.getMetadata(entity).name;
    return db.getRepository(entity).createQueryBuilder(alias).where(`${alias}.id IN (:...ids)`);
  });
  return keyedLoader(
    budget,
    (ids) => select.entities(db.manager, { ids }),
    (row: T) => row.id,
  );
}

/** The value for `id`, or a NOT_FOUND error naming `type` and `id`. */
export async function loadOrNotFound<V>(
  loader: DataLoader<string, V | null>,
  type: string,
  id: string,
): Promise<V> {
  const value = await loader.load(id);
  if (value === null) throw notFound(type, id);
  return value;
}

/**
 * One loader per distinct arguments within a request (a page size, a filter): the same page of
 * a nested list, asked for under many parents, is one batch.
 */
export function perArguments<A extends unknown[], L>(create: (...args: A) => L): (...args: A) => L {
  const loaders = new Map<string, L>();
  return (...args) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(...args);
      loaders.set(key, loader);
    }
    return loader;
  };
}

/**
 * The page `args` asks for of a nested list (`list`, ordered by `ordering`), for every parent key
 * of the request at once: `loader(args, withCount).load(parentId)`, its count read with the
 * page when `withCount` (the field asks for `totalCount`).
 */
export function nestedLoader<T, A extends ConnectionArgs>(
  db: DataSource,
  budget: ResponseBudget,
  connection: ConnectionClass<T>,
  list: (args: A) => NestedList<T>,
  ordering: (args: A) => Ordering,
) {
  return perArguments((args: A, withCount?: WithCount) =>
    nestedConnection(
      db,
      connection,
      list(args),
      pageWindow(args, ordering(args)),
      budget,
      withCount ?? false,
    ),
  );
}

/** Snapshots of each kind by id, by type name, batched per request and charged to `budget`. */
export function snapshotLoaders(
  db: DataSource,
  budget: ResponseBudget,
  kinds: AnyRecordWrites[],
): Record<string, DataLoader<string, RecordSnapshot | null>> {
  return Object.fromEntries(
    kinds.map((kind) => [
      kind.type,
      new DataLoader<string, RecordSnapshot | null>(async (ids) => {
        const found = new Map<string, RecordSnapshot>();
        // Whole records with their children: a few at a time.
        const part = 10;
        await fetchWithin(
          budget,
          ids,
          async (keys) => {
            const snapshots = await kind.snapshotMany(db.manager, [...keys]);
            for (const [id, snapshot] of snapshots) found.set(id, snapshot);
            return [...snapshots.values()];
          },
          part,
        );
        return ids.map((id) => found.get(id) ?? null);
      }),
    ]),
  );
}
