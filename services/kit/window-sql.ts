import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { CursorValue, PageWindow, SortKey } from "./pagination";

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
