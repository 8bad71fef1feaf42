import {
  type ClassType,
  ArgsType,
  Directive,
  Field,
  Int,
  ObjectType,
  registerEnumType,
} from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badUserInput } from "./errors";

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, { name: "SortDirection" });

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@Directive("@shareable")
@ObjectType({ simpleResolvers: true, description: "Relay page information." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last edge already seen.",
  })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: Promise<number>;
}

/** A Relay connection type for `nodeType`; `totalCount` costs a query only when selected. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges: Edge<T>[];

    @Field(() => [nodeType], {
      description: "The nodes of `edges`, for clients without cursors.",
    })
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    count: () => Promise<number>;

    @Field(() => Int, {
      description: "Number of nodes matching the filter, over all pages.",
    })
    get totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionType;
}

/** One key of an ordering: a SQL expression and its direction. Expressions never yield NULL. */
export interface SortKey {
  sql: string;
  direction: "ASC" | "DESC";
}

export interface Ordering {
  /** Names the ordering inside cursors, so a cursor cannot be reused with another ordering. */
  name: string;
  keys: SortKey[];
}

type CursorValue = string | number;

function encodeCursor(ordering: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([ordering, ...values])).toString("base64url");
}

function decodeCursor(cursor: string, ordering: Ordering): CursorValue[] {
  const invalid = () => badUserInput("after", `"${cursor.slice(0, 60)}" is not a valid cursor`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded)) throw invalid();
  const [name, ...values] = decoded as unknown[];
  if (typeof name === "string" && name !== ordering.name) {
    throw badUserInput("after", "the cursor was made for another ordering; restart from page one");
  }
  if (name !== ordering.name || values.length !== ordering.keys.length) throw invalid();
  if (!values.every((v) => typeof v === "string" || typeof v === "number")) throw invalid();
  return values as CursorValue[];
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput("first", `must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

/**
 * Keyset pagination over `query`: pages stay fast however deep, and a row inserted before the
 * cursor does not shift the next page. The last key of every ordering must be unique (the id).
 */
export async function paginate<T extends ObjectLiteral, C extends ConnectionShape<T>>(
  connection: new () => C,
  query: SelectQueryBuilder<T>,
  ordering: Ordering,
  { first, after }: PageArgs,
): Promise<C> {
  const limit = pageSize(first);
  const countQuery = query.clone();
  const page = query.clone();
  // Parenthesised: TypeORM would otherwise take "s.id" as the entity's own column and drop it.
  ordering.keys.forEach((key, i) => page.addSelect(`(${key.sql})`, `_sort${i}`));
  if (after) {
    const values = decodeCursor(after, ordering);
    page.andWhere(
      keysetCondition(ordering.keys),
      Object.fromEntries(values.map((v, i) => [`_after${i}`, v])),
    );
  }
  ordering.keys.forEach((key, i) => page.addOrderBy(`_sort${i}`, key.direction));
  const { entities, raw } = await page.limit(limit + 1).getRawAndEntities();
  const rows = entities.slice(0, limit);
  const edges = rows.map((node, i) => ({
    node,
    cursor: encodeCursor(
      ordering.name,
      ordering.keys.map((_, k) => cursorValue(raw[i][`_sort${k}`])),
    ),
  }));
  return Object.assign(new connection(), {
    edges,
    nodes: rows,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: entities.length > limit,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
    count: () => countQuery.getCount(),
  });
}

function cursorValue(value: unknown): CursorValue {
  if (typeof value === "number" || typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** (a, b) after (va, vb) with per-key directions: a > va OR (a = va AND b > vb). */
function keysetCondition(keys: SortKey[]): string {
  const clauses = keys.map((key, i) => {
    const equalities = keys.slice(0, i).map((k, j) => `${k.sql} = :_after${j}`);
    const op = key.direction === "ASC" ? ">" : "<";
    return [...equalities, `${key.sql} ${op} :_after${i}`].join(" AND ");
  });
  return `(${clauses.map((c) => `(${c})`).join(" OR ")})`;
}
