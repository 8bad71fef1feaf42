import DataLoader from "dataloader";
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { queryRows } from "../../platform/database";
import type { ResponseBudget } from "./budget";
import { BuiltSelect, byShape } from "./built-select";
import type { ConnectionShape } from "./connection";
import type { KeyedLoader } from "./loaders";
import { type PageWindow, toConnection } from "./pagination";
import type { WithCount } from "./selection";
import { isFirstPage, windowById, windowParameters, windowShape, windowed } from "./window-sql";

/** How the items of a nested connection are found, for any number of parents at once. */
export interface NestedList<T> {
  /** Every item that may be listed, filtered by the caller's `filter` (alias as in `parent`). */
  query(): SelectQueryBuilder<ObjectLiteral>;
  /** SQL tying an item to its parent, where `key` is the SQL of the parent's key (text). */
  parent(key: string): string;
  /** SQL of the item's id. */
  id: string;
  /** The items by id, for a query that selects no entity (a table without one). */
  fetch?(ids: string[]): Promise<(T | null | Error)[]>;
  /** The request's loader of the items by id: given the page's rows, never reads them again. */
  byId?: KeyedLoader<T>;
  /**
   * Names, uniquely among the lists of its data source, everything the list's SQL and parameters
   * depend on but the window (its definition, its parent, its filter's values): its statement is
   * then built once per shape, not per request.
   */
  shape?: string;
}

type PageRow = Record<string, unknown> & { _parent: string; _id: unknown; _total?: number };

type Query = SelectQueryBuilder<ObjectLiteral>;

/**
 * The same page of a nested list for every parent of a request in one statement, whatever the
 * number of parents: a LATERAL subquery per parent key reads the rows of its page and, with
 * `withCount`, another counts the parent's items over all pages (whatever the cursor); with the
 * count asked `"alone"`, no rows are read.
 */
export function nestedConnection<T, C extends ConnectionShape<T>>(
  db: DataSource,
  connection: new () => C,
  list: NestedList<T>,
  window: PageWindow,
  budget: ResponseBudget,
  withCount: WithCount = false,
): DataLoader<string, C> {
  const withPage = withCount !== "alone";
  // `totalCount` asked where the page did not expect it: one statement more, for all parents.
  const counts = new DataLoader<string, number>(async (keys) => {
    const rows = await run(db, statementOf(db, list, window, false, true), keys, window);
    const byKey = new Map(rows.map((row) => [row._parent, Number(row._total)]));
    return keys.map((key) => byKey.get(key) ?? 0);
  });
  return new DataLoader((keys) => {
    const reading = readPage(keys);
    list.byId?.seen.track(reading);
    return reading;
  });

  async function readPage(keys: readonly string[]): Promise<C[]> {
    budget.ensureRoom();
    const statement = statementOf(db, list, window, withPage, withCount !== false);
    const rows = await run(db, statement, keys, window);
    const totals = new Map(rows.map((row) => [row._parent, Number(row._total)]));
    const listed = rows.filter((row) => row._id !== null && row._id !== undefined);
    budget.spend(listed.length);
    const byId = withPage ? await itemsOf(list, statement, listed, budget) : new Map();
    return keys.map((key) => {
      const total = withCount ? (totals.get(key) ?? 0) : undefined;
      return toConnection(
        connection,
        listed
          .filter((row) => row._parent === key)
          .map((raw) => ({ node: byId.get(String(raw._id)), raw }))
          .filter((row): row is { node: T; raw: PageRow } => isItem(row.node)),
        window,
        total === undefined ? () => counts.load(key) : async () => total,
      );
    });
  }
}

/**
 * Whether the page's rows are read by id once its window is chosen (window-sql.ts), with
 * `withCount` on a first page the parent's count beside them: where the list reads a joined
 * table's columns with its own. Chosen over such rows, PostgreSQL may read every row of the
 * joined table to sort them (the government story's attributions and their statements). Over a
 * table's own rows, reading by id cost more than it saved (the actor story's statements: 0.6-0.7
 * ms executing as they are, 1.0-1.4 ms with every page read by id; 10,000 statements).
 */
const readsById = (query: Query) => {
  const joins = query.expressionMap.joinAttributes;
  // A join to one row each: the rows read by id need none of the list's conditions again.
  return (
    joins.some((join) => join.isSelected) && joins.every((join) => join.isMappingMany === false)
  );
};

/**
 * The page of one parent (`k.key`): its rows, or only their ids when `fetch` reads them; and
 * whether it counts the parent's items itself (`_total` of its rows: a first page read by id).
 */
function pageOf<T>(
  list: NestedList<T>,
  window: PageWindow,
  withCount: boolean,
): { page: Query; counts: boolean } {
  const query = list.query().andWhere(list.parent("k.key"));
  if (list.fetch) return { page: windowed(query.select(list.id, "_id"), window), counts: false };
  if (!readsById(query)) {
    return { page: windowed(query.addSelect(`(${list.id})`, "_id"), window), counts: false };
  }
  const counts = withCount && isFirstPage(window);
  return { page: windowById(query, list.id, window, counts), counts };
}

function countOf<T>(list: NestedList<T>): Query {
  return list.query().select("count(*)", "n").andWhere(list.parent("k.key")).orderBy();
}

/**
 * One statement over every parent key (`:_parentKeys`), its parameters but the window's cursors
 * and the keys, and with a page the entities of its rows.
 */
interface PerParent {
  text: string;
  parameters: ObjectLiteral;
  page?: BuiltSelect<unknown>;
}

/** The statement of `list` for `window`, built once per shape when the list names its shape. */
function statementOf<T>(
  db: DataSource,
  list: NestedList<T>,
  window: PageWindow,
  withPage: boolean,
  withCount: boolean,
): PerParent {
  const shape =
    list.shape === undefined
      ? undefined
      : `nested|${list.shape}|${withPage ? windowShape(window) : ""}|${withPage}|${withCount}`;
  return byShape(db, shape, () => {
    const { page, counts } = withPage
      ? pageOf(list, window, withCount)
      : { page: null, counts: false };
    return perParent(db, page, withCount && !counts ? countOf(list) : null, withCount);
  });
}

/** One statement over every parent key; named parameters numbered once by the driver. */
function perParent(
  db: DataSource,
  page: Query | null,
  count: Query | null,
  withCount: boolean,
): PerParent {
  const parts = [`SELECT k.key AS "_parent"`];
  if (count) parts.push(`, c.n AS "_total"`);
  if (page) parts.push(", t.*");
  parts.push(` FROM unnest(CAST(:_parentKeys AS text[])) AS k(key)`);
  if (count) parts.push(` CROSS JOIN LATERAL (${count.getQuery()}) AS c`);
  const built = page ? new BuiltSelect(db, page) : undefined;
  if (built) {
    // With a count, a parent without items still has its row (its count 0, or null in a page).
    parts.push(
      withCount
        ? ` LEFT JOIN LATERAL (${built.sql}) AS t ON true`
        : ` CROSS JOIN LATERAL (${built.sql}) AS t`,
    );
  }
  const parameters = { ...count?.getParameters(), ...page?.getParameters() };
  return { text: parts.join(""), parameters, page: built };
}

async function run(
  db: DataSource,
  statement: PerParent,
  keys: readonly string[],
  window: PageWindow,
) {
  const [sql, values] = db.driver.escapeQueryWithParameters(statement.text, {
    ...statement.parameters,
    ...windowParameters(window),
    _parentKeys: [...keys],
  });
  return queryRows<PageRow>(db, sql, values);
}

/** The page's items by id: its own rows as entities (priming `byId`), or fetched by id. */
async function itemsOf<T>(
  list: NestedList<T>,
  statement: PerParent,
  rows: PageRow[],
  budget: ResponseBudget,
): Promise<Map<string, T | null | Error>> {
  const ids = [...new Set(rows.map((row) => String(row._id)))];
  if (list.fetch) {
    const items = await list.fetch(ids);
    return new Map(ids.map((id, i) => [id, items[i]]));
  }
  const page = statement.page!;
  const entities = page.toEntities(rows) as T[];
  budget.charge(entities);
  const primary = page.query.expressionMap.mainAlias!.metadata.primaryColumns[0];
  const byId = new Map<string, T>();
  for (const entity of entities) {
    const id = String(primary.getEntityValue(entity as ObjectLiteral));
    byId.set(id, entity);
    list.byId?.seen.add(id, entity);
    list.byId?.prime(id, entity);
  }
  return byId;
}

function isItem<T>(value: T | null | undefined | Error): value is T {
  return value !== null && value !== undefined && !(value instanceof Error);
}
