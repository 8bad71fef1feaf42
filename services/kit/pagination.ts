import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { ResponseBudget } from "./budget";
import {
  type ConnectionArgs,
  type ConnectionClass,
  type ConnectionShape,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PageInfo,
} from "./connection";
import { badUserInput } from "../../platform/errors";
import { type EnumValue, describedEnum } from "./enums";

export const SortDirection = describedEnum("SortDirection", "Order of a list.", {
  ASC: "Smallest (oldest, A) first.",
  DESC: "Largest (newest, Z) first.",
});
export type SortDirection = EnumValue<typeof SortDirection>;

/** One key of an ordering: a SQL expression and its direction. Expressions never yield NULL. */
export interface SortKey {
  sql: string;
  direction: "ASC" | "DESC";
}

export interface Ordering {
  /** Names the ordering inside cursors, so a cursor cannot be reused with another ordering. */
  name: string;
  /** The last key must be unique (the id). */
  keys: SortKey[];
}

type CursorValue = string | number;

/** What one page asks for, validated: `first`/`after` forwards or `last`/`before` backwards. */
export interface PageWindow {
  ordering: Ordering;
  limit: number;
  backward: boolean;
  after?: CursorValue[];
  before?: CursorValue[];
}

function size(value: number | null | undefined, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0 || value > MAX_PAGE_SIZE) {
    throw badUserInput(field, `must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`);
  }
  return value;
}

export function pageWindow(args: ConnectionArgs, ordering: Ordering): PageWindow {
  const first = size(args.first, "first");
  const last = size(args.last, "last");
  if (first !== undefined && last !== undefined) {
    throw badUserInput("last", "give `first` or `last`, not both");
  }
  return {
    ordering,
    limit: first ?? last ?? DEFAULT_PAGE_SIZE,
    backward: last !== undefined,
    after: args.after ? decodeCursor(args.after, ordering, "after") : undefined,
    before: args.before ? decodeCursor(args.before, ordering, "before") : undefined,
  };
}

export function encodeCursor(ordering: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([ordering, ...values])).toString("base64url");
}

function decodeCursor(cursor: string, ordering: Ordering, field: string): CursorValue[] {
  const invalid = () => badUserInput(field, `"${cursor.slice(0, 60)}" is not a valid cursor`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded)) throw invalid();
  const [name, ...values] = decoded as unknown[];
  if (typeof name === "string" && name !== ordering.name) {
    throw badUserInput(field, "the cursor was made for another ordering; restart from page one");
  }
  if (name !== ordering.name || values.length !== ordering.keys.length) throw invalid();
  if (!values.every((v) => typeof v === "string" || (typeof v === "number" && isFinite(v)))) {
    throw invalid();
  }
  return values as CursorValue[];
}

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
  for (const [bound, forward] of [
    [window.after, true],
    [window.before, false],
  ] as const) {
    if (!bound) continue;
    const prefix = forward ? "_after" : "_before";
    query.andWhere(keysetCondition(keys, prefix, forward), boundParameters(prefix, bound));
  }
  keys.forEach((key, i) =>
    query.addOrderBy(`_sort${i}`, window.backward ? flip(key.direction) : key.direction),
  );
  return query.limit(window.limit + 1);
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
  const { ordering, limit, backward, after, before } = window;
  return JSON.stringify([ordering.name, ordering.keys, limit, backward, !!after, !!before]);
}

function cursorValue(value: unknown): CursorValue {
  if (typeof value === "number" || typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** A connection from rows fetched by `windowed` (sort keys in `raw[i]._sort<k>`), in order. */
export function toConnection<T, C extends ConnectionShape<T>>(
  connection: new () => C,
  fetched: { node: T; raw: Record<string, unknown> }[],
  window: PageWindow,
  count: () => Promise<number>,
  countBound?: number,
): C {
  const more = fetched.length > window.limit;
  const rows = fetched.slice(0, window.limit);
  if (window.backward) rows.reverse();
  const edges = rows.map(({ node, raw }) => ({
    node,
    cursor: encodeCursor(
      window.ordering.name,
      window.ordering.keys.map((_, k) => cursorValue(raw[`_sort${k}`])),
    ),
  }));
  return Object.assign(new connection(), {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: window.backward ? Boolean(window.before) : more,
      hasPreviousPage: window.backward ? more : Boolean(window.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
    count: once(count),
    countBound,
  });
}

/** `totalCount` and `totalCountIsLowerBound` share one count. */
function once<V>(read: () => Promise<V>): () => Promise<V> {
  let value: Promise<V> | undefined;
  return () => (value ??= read());
}

/** Whether a page's `totalCount` is asked, and where counting stops (a text search's bound). */
export interface PageCount {
  asked: boolean;
  bound?: number;
}

/** What a page reads besides its items (a record they refer to, joined), never its count. */
export type PageJoin = (page: SelectQueryBuilder<ObjectLiteral>) => void;

/** SQL counting the rows of `query`, up to `bound` + 1 when given (then the count is a bound). */
function countSql(query: SelectQueryBuilder<ObjectLiteral>, bound?: number): string {
  const counted = query.clone().orderBy();
  const main = query.expressionMap.mainAlias;
  const primary = main?.hasMetadata ? main.metadata.primaryColumns[0] : undefined;
  // A joined table may repeat a row, as TypeORM's getCount knows.
  const distinct = query.expressionMap.joinAttributes.length > 0 && main && primary;
  counted.select(distinct ? `DISTINCT "${main.name}"."${primary.databaseName}"` : "1");
  if (bound !== undefined) counted.limit(bound + 1);
  return `(SELECT count(*) FROM (${counted.getQuery()}) AS "_counted")`;
}

/**
 * A root list as a connection, keyset-paginated: pages stay fast however deep, and a row
 * inserted before the cursor does not shift the next page. One statement, its count included
 * when `count.asked` (one statement more for a count asked otherwise). The items are the
 * query's entities, or `fromRow(raw)` of each row for a table without one.
 */
export async function paginate<T extends ObjectLiteral, C extends ConnectionShape<T>>(
  connection: new () => C,
  query: SelectQueryBuilder<T>,
  window: PageWindow,
  budget: ResponseBudget,
  fromRow?: (raw: Record<string, unknown>) => T,
  count: PageCount = { asked: false },
  join?: PageJoin,
): Promise<C> {
  const countQuery = query.clone();
  budget.ensureRoom();
  const page = windowed(query.clone(), window);
  join?.(page as SelectQueryBuilder<ObjectLiteral>);
  if (count.asked) page.addSelect(countSql(countQuery, count.bound), "_total");
  const { entities, raw } = fromRow
    ? await page.getRawMany().then((rows) => ({ entities: rows.map(fromRow), raw: rows }))
    : await page.getRawAndEntities();
  budget.spend(Math.min(entities.length, window.limit));
  budget.charge(entities);
  const empty = entities.length === 0 && !window.after && !window.before;
  const total = raw[0]?._total ?? (count.asked && empty ? 0 : undefined);
  // TypeORM counts entities only.
  const separately = async () => {
    if (count.bound === undefined && !fromRow) return countQuery.getCount();
    const [sql, parameters] = query.connection.driver.escapeQueryWithParameters(
      `SELECT ${countSql(countQuery, count.bound)} AS n`,
      countQuery.getParameters(),
    );
    return Number((await query.connection.query(sql, parameters))[0]?.n ?? 0);
  };
  return toConnection(
    connection,
    entities.map((node, i) => ({ node, raw: raw[i] })),
    window,
    total === undefined ? separately : async () => Number(total),
    count.bound,
  );
}

/** Positions as the ordering of lists kept inside their record (cosigners, related incidents). */
const POSITION: Ordering = { name: "POSITION", keys: [{ sql: "position", direction: "ASC" }] };

export function arrayWindow(args: ConnectionArgs): PageWindow {
  return pageWindow(args, POSITION);
}

/** A connection over a list the record itself holds, in the record's order: no query at all. */
export function arrayConnection<T, C extends ConnectionShape<T>>(
  connection: new () => C,
  items: readonly T[],
  window: PageWindow,
  budget: ResponseBudget,
): C {
  const from = window.after ? Number(window.after[0]) + 1 : 0;
  const to = window.before ? Number(window.before[0]) : items.length;
  const positions = items.map((node, position) => ({ node, raw: { _sort0: position } }));
  const range = positions.slice(Math.max(from, 0), Math.max(to, 0));
  const fetched = window.backward
    ? range.slice(-(window.limit + 1)).reverse()
    : range.slice(0, window.limit + 1);
  budget.spend(Math.min(fetched.length, window.limit));
  return toConnection(connection, fetched, window, async () => items.length);
}

export type { ConnectionClass };
