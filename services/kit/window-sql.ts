import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { CursorValue, PageCount, PageJoin, PageWindow, SortKey } from "./pagination";

/** (a, b) past (va, vb) in the ordering, per-key directions: a > va OR (a = va AND b > vb). */
function keysetCondition(keys: SortKey[], prefix: string, forward: boolean): string {
  const clauses = keys.map((key, i) => {
    const equalities = keys.slice(0, i).map((k, j) => `${k.sql} = :${prefix}${j}`);
    const op = (key.direction === "ASC") === forward ? ">" : "<";
    return [...equalities, `${key.sql} ${op} :${prefix}${i}`].join(" AND ");
  });
  return `(${clauses.map((c) => `(${c})`).join(" OR ")})`;
}

const flip = (direction: "ASC" | "DESC") => (direction === "ASC" ? "DESC" : "ASC");

/**
 * Narrows `query` to the rows of the window, selects the sort keys as `_sort<i>`, orders them
 * (reversed when paging backwards) and fetches one row more than the page to tell if another follows.
 */
export function windowed<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  window: PageWindow,
) {
  const { keys } = window.ordering;
  // Parenthesised: TypeORM would otherwise take "s.id" as the entity's own column and drop it.
  keys.forEach((key, i) => query.addSelect(`(${key.sql})`, `_sort${i}`));
  whereInWindow(query, window);
  keys.forEach((key, i) =>
    query.addOrderBy(`_sort${i}`, window.backward ? flip(key.direction) : key.direction),
  );
  return query.limit(window.limit + 1);
}

/** Narrows `query` to the rows past the window's cursors. */
function whereInWindow(query: SelectQueryBuilder<ObjectLiteral>, window: PageWindow) {
  for (const [bound, forward] of [
    [window.after, true],
    [window.before, false],
  ] as const) {
    if (!bound) continue;
    const prefix = forward ? "_after" : "_before";
    query.andWhere(
      keysetCondition(window.ordering.keys, prefix, forward),
      boundParameters(prefix, bound),
    );
  }
}

function boundParameters(prefix: string, bound: CursorValue[] = []) {
  return Object.fromEntries(bound.map((v, i) => [`${prefix}${i}`, v]));
}

/** The parameters `windowed` gives the query for the window's cursors. */
export function windowParameters(window: PageWindow): Record<string, CursorValue> {
  return {
    ...boundParameters("_after", window.after),
    ...boundParameters("_before", window.before),
  };
}

/** What the SQL of `windowed` depends on: the same for every window of this shape. */
export function windowShape(window: PageWindow): string {
  const { ordering, limit, backward, after, before, firstMatches } = window;
  const cursors = [!!after, !!before];
  return JSON.stringify([ordering.name, ordering.keys, limit, backward, cursors, firstMatches]);
}

/** A page from the start (or the end): no cursor, so its rows can see every item of the list. */
export const isFirstPage = (window: PageWindow) => !window.after && !window.before;

/** SQL counting the rows of `query`, up to `bound` + 1 when given (then the count is a bound). */
export function countSql(query: SelectQueryBuilder<ObjectLiteral>, bound?: number): string {
  const counted = query.clone().orderBy();
  const main = query.expressionMap.mainAlias;
  const primary = main?.hasMetadata ? main.metadata.primaryColumns[0] : undefined;
  // A joined table may repeat a row, as TypeORM's getCount knows.
  const distinct = query.expressionMap.joinAttributes.length > 0 && main && primary;
  counted.select(distinct ? `DISTINCT "${main.name}"."${primary.databaseName}"` : "1");
  if (bound !== undefined) counted.limit(bound + 1);
  return `(SELECT count(*) FROM (${counted.getQuery()}) AS "_counted")`;
}

/** The page's query: the window of `query`, what `join` reads with it, its count if asked. */
export function pageQuery<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  window: PageWindow,
  count: PageCount,
  join?: PageJoin,
) {
  const read = readQuery(query, window);
  if (count.asked && countsWhileScoring(read, window)) return scoredPage(read, window, join);
  const page = windowed(read.clone(), window);
  join?.(page as SelectQueryBuilder<ObjectLiteral>);
  if (count.asked) {
    // From the start of the list, the page's own cut is what it counts: counted from there (a
    // CTE is the statement's already), not cut again.
    const fromStart = read !== query && (window.ordering.score || isFirstPage(window));
    const counted = fromStart ? read.clone() : countedQuery(query, window);
    if (fromStart) counted.expressionMap.commonTableExpressions = [];
    page.addSelect(countSql(counted, count.bound), "_total");
  }
  return page;
}

/** What a page of `query` reads: its first matches when the window says so (`firstMatches`). */
function readQuery<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, window: PageWindow) {
  const { firstMatches: bound, ordering } = window;
  if (bound === undefined) return query;
  // Ranked, every match of the cut is read: planned so, as a subquery.
  if (ordering.score) return firstMatches(query, ordering.score.ties, bound);
  return firstMatches(query, ordering.keys, bound, window);
}

/**
 * What a page of `query` counts (a fresh query): when the page reads first matches, the first
 * matches from the start of the list.
 */
export function countedQuery<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  window: PageWindow,
) {
  const { firstMatches: bound, ordering } = window;
  if (bound === undefined) return query.clone();
  return firstMatches(query, ordering.score?.ties ?? ordering.keys, bound);
}

/** A first page in a score's order, over one table: its matches can be counted as they are scored. */
function countsWhileScoring(query: SelectQueryBuilder<ObjectLiteral>, window: PageWindow) {
  const { mainAlias, joinAttributes } = query.expressionMap;
  return (
    window.ordering.score !== undefined &&
    isFirstPage(window) &&
    mainAlias?.hasMetadata === true &&
    joinAttributes.length === 0
  );
}

/**
 * The first page in a score's order with its count from the same scan: ids and sort keys of
 * every match are scored and counted by a window (narrow rows, so a broad search's window stays
 * small), the page's rows are read for the ids kept. Counting by a second scan of the filter, as
 * other pages do, evaluated every match twice: ~40 % of a narrow search's statement.
 */
function scoredPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  window: PageWindow,
  join?: PageJoin,
) {
  const main = query.expressionMap.mainAlias!;
  const id = `"${main.name}"."${main.metadata.primaryColumns[0]!.databaseName}"`;
  const page = windowById(query, id, window, true);
  join?.(page as SelectQueryBuilder<ObjectLiteral>);
  return page;
}

/**
 * The window of `query` chosen over narrow rows (its `id` and sort keys; with `total`, the
 * count of all its rows as a window over them), then the rows of the ids kept read by id.
 * Chosen over whole rows, PostgreSQL reads and sorts every match's columns, and may read every
 * row of a joined table to do it (the government story's 474 attributions of a state: every
 * statement: 14-17 ms for the page against 6-9 ms this way, pgbench at 10,000 statements).
 * The rows are read by id alone, so the query's joins must each give one row per item.
 */
export function windowById<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  id: string,
  window: PageWindow,
  total = false,
): SelectQueryBuilder<T> {
  const narrow = windowed(query.clone().select(`(${id})`, "_id"), window);
  if (total) narrow.addSelect("count(*) OVER ()", "_total");
  const page = query.clone();
  page.expressionMap.wheres = [];
  // The rows are read from the table itself, not from `firstMatches`' cut (read once already).
  uncut(page);
  page
    .innerJoin(`(${narrow.getQuery()})`, "_page", `"_page"."_id" = (${id})`)
    .setParameters(narrow.getParameters())
    .addSelect(`"_page"."_id"`, "_id");
  window.ordering.keys.forEach((key, i) => {
    page.addSelect(`"_page"."_sort${i}"`, `_sort${i}`);
    page.addOrderBy(`_sort${i}`, window.backward ? flip(key.direction) : key.direction);
  });
  if (total) page.addSelect(`"_page"."_total"`, "_total");
  return page;
}

/** The alias `query` reads its main table as, in its own (cloned) list of aliases. */
function fromAlias(query: SelectQueryBuilder<ObjectLiteral>) {
  const { aliases, mainAlias } = query.expressionMap;
  return aliases.find((alias) => alias.type === "from" && alias.name === mainAlias!.name)!;
}

/**
 * `query` over only its first `bound` + 1 matches in the order of `keys` (one table, no joins):
 * its filter applied in a subquery cut there, which the query reads as its table. A score
 * computed for every match grows with the matches (a word most records hold: 100,000 ranked for
 * a page of 20); cut, no more than the bound are scored, and PostgreSQL plans the cut for
 * `bound` + 1 rows: for a word most records hold it walks an index in that order and stops; for
 * a rare one, it looks the matches up by index. The cut's rows are whole rows, so what the query
 * computes of them reads no table again. With `window`, the cut starts past its cursors, holds
 * at least its page and is a materialized CTE: as a subquery, a page of 20 in the cut's own
 * order would be planned for 20 rows, walking the index for a rare word too (every record read,
 * its estimates being rough).
 */
export function firstMatches<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  keys: SortKey[],
  bound: number,
  window?: PageWindow,
): SelectQueryBuilder<T> {
  const first = query.clone().select("*");
  if (window) whereInWindow(first as SelectQueryBuilder<ObjectLiteral>, window);
  keys.forEach((key, i) => first.addSelect(`(${key.sql})`, `_key${i}`));
  first.orderBy();
  keys.forEach((key, i) =>
    first.addOrderBy(`_key${i}`, window?.backward ? flip(key.direction) : key.direction),
  );
  first.limit(Math.max(bound, window?.limit ?? 0) + 1);
  const cut = query.clone();
  cut.expressionMap.wheres = [];
  if (window) {
    cut.addCommonTableExpression(first.getQuery(), CUT, { materialized: true });
    fromAlias(cut).subQuery = `"${CUT}"`;
  } else {
    fromAlias(cut).subQuery = `(${first.getQuery()})`;
  }
  return cut.setParameters(first.getParameters());
}

const CUT = "_first_matches";

/** `query` reading its own table again, not `firstMatches`' cut. */
function uncut(query: SelectQueryBuilder<ObjectLiteral>) {
  query.expressionMap.commonTableExpressions = [];
  fromAlias(query).subQuery = undefined;
}
