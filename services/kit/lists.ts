import { ArgsType, type ClassType } from "type-graphql";
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { ResponseBudget } from "./budget";
import { ConnectionArgs, type ConnectionClass } from "./connection";
import { NestedField } from "./inputs";
import { type KeyedLoader, nestedLoader } from "./loaders";
import { type Ordering, type PageJoin, SortDirection, paginate, pageWindow } from "./pagination";
import { UPDATED_AT_ORDER, updatedAtOrdering } from "./record-time";
import type { WithCount } from "./selection";

const UPDATED_AT: keyof typeof UPDATED_AT_ORDER = "UPDATED_AT";

type Query = SelectQueryBuilder<ObjectLiteral>;

/**
 * A list's filter: narrows `query` to what `filter` asks for. With `firstMatches`, the query is
 * cut to its first matches in an index's order (`firstMatches` of window-sql.ts): a text match
 * is then best written as a condition on each row, which PostgreSQL can check while it walks
 * that index (and stop), rather than as the set of every match.
 */
export type ListFilter<F> = (query: Query, filter: F, use?: { firstMatches: boolean }) => void;

/** The arguments of a list: a page (`first`, `after`...), a `filter` and an `orderBy`. */
export function ListArgs<F extends object, O extends object>(
  filter: ClassType<F>,
  order: ClassType<O>,
  orderDescription = "Order of the items.",
) {
  @ArgsType()
  class ListArgsClass extends ConnectionArgs {
    @NestedField(() => filter, { nullable: true, description: "Only the items matching this." })
    filter?: F;

    @NestedField(() => order, { nullable: true, description: orderDescription })
    orderBy?: O;
  }
  return ListArgsClass;
}

/** What a root list reads with: the database, the request's budget and its counting bound. */
type ListContext = { db: DataSource; budget: ResponseBudget; textCountBound?: number };

/** What every record list's filter and order have: `updatedSince`, `UPDATED_AT` (record-time.ts). */
type RecordFilterShape = { updatedSince?: Date | null; text?: string | null };
type RecordOrder = { field: string; direction?: SortDirection | null };
type RecordListArgs<F, O extends RecordOrder> = ConnectionArgs & { filter?: F; orderBy?: O };

export interface RecordListOptions<T extends ObjectLiteral, F, O extends RecordOrder> {
  entity: new () => T;
  /** The alias of its table in the filter's and the ordering's SQL. */
  alias: string;
  connection: ConnectionClass<T>;
  /** Narrows the query to what a filter asks for. */
  filter: ListFilter<F>;
  /** Its order (`orderBy`), which may read the filter; `alias` is the table's. */
  ordering(order: O | undefined, filter: F | undefined, alias: string): Ordering;
  /** Tables the filter or the ordering also read, joined to every query. */
  join?(query: Query): Query;
}

/** Record lists defined so far: each names its statements' shapes by its number. */
let lists = 0;

/** A number per join pages were read with, for their shapes. */
const joinIds = new WeakMap<PageJoin, number>();
let joinCount = 0;
function joinId(join: PageJoin): number {
  let id = joinIds.get(join);
  if (id === undefined) joinIds.set(join, (id = joinCount += 1));
  return id;
}

/**
 * How one kind of record is listed, filtered and ordered as its list arguments say: a page of
 * the top-level list (`statements(filter:)`), or the same page under each parent, batched.
 */
export function recordList<
  T extends ObjectLiteral,
  F extends RecordFilterShape,
  O extends RecordOrder,
>(options: RecordListOptions<T, F, O>) {
  type A = RecordListArgs<F, O>;
  const { entity, alias, connection } = options;
  const listId = (lists += 1);
  /** Every record `filter` admits; `updatedSince` the same way for every kind. */
  const query = (db: DataSource, filter: F | undefined, firstMatches = false) => {
    const from = db.getRepository(entity).createQueryBuilder(alias);
    if (filter?.updatedSince) {
      from.andWhere(`${alias}.updated_at >= :updatedSince`, { updatedSince: filter.updatedSince });
    }
    const joined = options.join ? options.join(from) : from;
    if (filter) options.filter(joined, filter, { firstMatches });
    return joined;
  };
  /** The kind's ordering, or system time's for `UPDATED_AT` (ascending unless told). */
  const ordering = (args: A) =>
    args.orderBy?.field === UPDATED_AT
      ? updatedAtOrdering(alias, args.orderBy.direction ?? SortDirection.ASC)
      : options.ordering(args.orderBy, args.filter, alias);
  return {
    query,
    /** Its GraphQL connection type, what `page` answers. */
    connection,
    /**
     * The page `args` asks for of the whole list, with its count when `withCount`; a text
     * search counts up to the context's `textCountBound`, and by relevance ranks only its first
     * `textCountBound` + 1 matches in the ordering's ties (most recent first, say).
     */
    page: (ctx: ListContext, args: A, withCount: WithCount = false, join?: PageJoin) => {
      const order = ordering(args);
      const bound = args.filter?.text?.trim() ? ctx.textCountBound : undefined;
      // A text search reads its first matches only (`firstMatches`): one table, cut there.
      const cut = bound !== undefined && !options.join;
      const window = { ...pageWindow(args, order), firstMatches: cut ? bound : undefined };
      return paginate(
        connection,
        query(ctx.db, args.filter, cut),
        window,
        ctx.budget,
        undefined,
        // A root page reads its rows even for a count alone: one statement either way.
        { asked: withCount !== false, bound },
        join,
        // The query is the list's, narrowed by the filter (its values too), with `join`.
        `${listId}|${JSON.stringify(args.filter ?? null)}|${join ? joinId(join) : ""}`,
      );
    },
    /**
     * The page `args` asks for under each parent (`loader(args).load(parentId)`), where `parent`
     * is the SQL tying a record to the parent's key; the records come through `byId`.
     */
    nested: (
      db: DataSource,
      budget: ResponseBudget,
      byId: KeyedLoader<T>,
      parent: (key: string) => string,
    ) =>
      nestedLoader(
        db,
        budget,
        connection,
        (args: A) => ({
          query: () => query(db, args.filter),
          parent,
          id: `${alias}.id`,
          byId,
          // The query is the list's, under `parent`, narrowed by the filter (its values too).
          shape: `${listId}|${parent("k.key")}|${JSON.stringify(args.filter ?? null)}`,
        }),
        ordering,
      ),
  };
}
