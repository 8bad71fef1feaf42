import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { ResponseBudget } from "./budget";
import { BuiltSelect, byShape } from "./built-select";
import {
  countSql,
  countedQuery,
  isFirstPage,
  pageQuery,
  windowParameters,
  windowShape,
} from "./window-sql";
import {
  type ConnectionArgs,
  type ConnectionClass,
  type ConnectionShape,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PageInfo,
} from "./connection";
import { queryRows } from "../../platform/database";
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
  /**
   * Its first key is a score (a text search's relevance): no index yields the order, so a page
   * scores every match it considers and can count them in the same pass. `ties`, the keys after
   * the score, are the order matches are considered in when a text search's bound cuts them
   * (`firstMatches`).
   */
  score?: { ties: SortKey[] };
}

/**
 * A text search's best-match-first ordering: `score`, then `ties`. Made here so that every
 * relevance order is known to be scored (`Ordering.score`).
 */
export function relevanceOrdering(name: string, score: SortKey, ties: SortKey[]): Ordering {
  return { name, score: { ties }, keys: [score, ...ties] };
}

export type CursorValue = string | number;

/** What one page asks for, validated: `first`/`after` forwards or `last`/`before` backwards. */
export interface PageWindow {
  ordering: Ordering;
  limit: number;
  backward: boolean;
  after?: CursorValue[];
  before?: CursorValue[];
  /**
   * A text search's count bound: the page reads only its first `firstMatches` + 1 matches in
   * the ordering, past its cursors (`firstMatches` of window-sql.ts); a score ranks those alone.
   */
  firstMatches?: number;
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
  const cursorOf = ({ raw }: { raw: Record<string, unknown> }) =>
    encodeCursor(
      window.ordering.name,
      window.ordering.keys.map((_, k) => cursorValue(raw[`_sort${k}`])),
    );
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: window.backward ? Boolean(window.before) : more,
    hasPreviousPage: window.backward ? more : Boolean(window.after),
    cursorAt: (end: 0 | -1) => (rows.length ? cursorOf(rows.at(end)!) : null),
  });
  return Object.assign(new connection(), {
    nodes: rows.map((row) => row.node),
    makeEdges: () => rows.map((row) => edge(row.node, () => cursorOf(row))),
    pageInfo,
    count: once(count),
    countBound,
  });
}

/** An edge whose cursor is encoded when read: most pages are asked for their nodes alone. */
function edge<T>(node: T, encode: () => string): { node: T; readonly cursor: string } {
  let cursor: string | undefined;
  return {
    node,
    get cursor() {
      return (cursor ??= encode());
    },
  };
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
  shape?: string,
): Promise<C> {
  budget.ensureRoom();
  const { entities, raw } = fromRow
    ? await pageQuery(query, window, count, join)
        .getRawMany()
        .then((rows) => ({ entities: rows.map(fromRow), raw: rows }))
    : await pageRows(query, window, count, join, shape);
  budget.spend(Math.min(entities.length, window.limit));
  budget.charge(entities);
  const empty = entities.length === 0 && isFirstPage(window);
  const total = raw[0]?._total ?? (count.asked && empty ? 0 : undefined);
  // TypeORM counts entities only.
  const separately = async () => {
    const countQuery = countedQuery(query, window);
    if (count.bound === undefined && !fromRow) return countQuery.getCount();
    const [sql, parameters] = query.connection.driver.escapeQueryWithParameters(
      `SELECT ${countSql(countQuery, count.bound)} AS n`,
      countQuery.getParameters(),
    );
    const [row] = await queryRows<{ n: string }>(query.connection, sql, parameters);
    return Number(row?.n ?? 0);
  };
  return toConnection(
    connection,
    entities.map((node, i) => ({ node, raw: raw[i] })),
    window,
    total === undefined ? separately : async () => Number(total),
    count.bound,
  );
}

/**
 * The page's raw rows and entities, its statement built once per `shape` (what the query
 * depends on: its list, its filter's values, the join) and the cursors bound each time.
 */
async function pageRows<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  window: PageWindow,
  count: PageCount,
  join: PageJoin | undefined,
  shape: string | undefined,
): Promise<{ entities: T[]; raw: ObjectLiteral[] }> {
  if (shape === undefined) return pageQuery(query, window, count, join).getRawAndEntities();
  const db = query.connection;
  const key = `page|${shape}|${windowShape(window)}|${count.asked}|${count.bound}`;
  const built = byShape(db, key, () => {
    const page = pageQuery(query, window, count, join) as SelectQueryBuilder<ObjectLiteral>;
    return { select: new BuiltSelect<T>(db, page), parameters: page.getParameters() };
  });
  const raw = await built.select.rows(db.manager, {
    ...built.parameters,
    ...query.getParameters(),
    ...windowParameters(window),
  });
  return { entities: built.select.toEntities(raw), raw };
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
