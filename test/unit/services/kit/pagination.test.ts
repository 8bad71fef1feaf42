import type { GraphQLError } from "graphql";
import type { SelectQueryBuilder } from "typeorm";
import { describe, expect, it } from "vitest";
import { ResponseBudget } from "../../../../services/kit/budget";
import type { ConnectionShape, PageInfo } from "../../../../services/kit/connection";
import {
  type Ordering,
  arrayConnection,
  arrayWindow,
  encodeCursor,
  pageWindow,
  paginate,
  toConnection,
} from "../../../../services/kit/pagination";
import { updatedAtOrdering } from "../../../../services/kit/record-time";

const BY_NAME: Ordering = {
  name: "NAME_ASC",
  keys: [
    { sql: "g.name", direction: "ASC" },
    { sql: "g.id", direction: "ASC" },
  ],
};

class Page<T> implements ConnectionShape<T> {
  get edges() {
    return this.makeEdges();
  }
  makeEdges: () => { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

/** The error a call throws, for its code and message. */
function thrown(call: () => unknown): GraphQLError {
  try {
    call();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error("expected an error");
}

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

// A page window is the validated `first`/`after`/`last`/`before` of one connection: the size
// bounds, the default page, and cursors that belong to the ordering they were made for.
describe("services > kit > pagination > pageWindow", () => {
  it("pages forwards by 20 by default, backwards with last", () => {
    expect(pageWindow({}, BY_NAME)).toEqual({
      ordering: BY_NAME,
      limit: 20,
      backward: false,
      after: undefined,
      before: undefined,
    });
    expect(pageWindow({ last: 3 }, BY_NAME)).toMatchObject({ limit: 3, backward: true });
    expect(pageWindow({ first: 0 }, BY_NAME).limit).toBe(0);
    expect(pageWindow({ first: 100 }, BY_NAME).limit).toBe(100);
  });

  it.each([
    [{ first: -1 }, "first: must be between 0 and 100, got -1"],
    [{ first: 101 }, "first: must be between 0 and 100, got 101"],
    [{ last: 500 }, "last: must be between 0 and 100, got 500"],
    [{ first: 2, last: 2 }, "last: give `first` or `last`, not both"],
  ])("refuses %o by name", (args, message) => {
    const error = thrown(() => pageWindow(args, BY_NAME));
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe(message);
  });

  it("reads back the values a cursor was made of, after or before", () => {
    const made = encodeCursor("NAME_ASC", ["China", "cn"]);
    expect(pageWindow({ after: made }, BY_NAME).after).toEqual(["China", "cn"]);
    expect(pageWindow({ before: made }, BY_NAME).before).toEqual(["China", "cn"]);
    expect(JSON.parse(Buffer.from(made, "base64url").toString())).toEqual([
      "NAME_ASC",
      "China",
      "cn",
    ]);
  });

  it.each([
    ["not base64 at all", "%%%", /^after: "%%%" is not a valid cursor$/],
    ["valid base64 of garbage", Buffer.from("hello").toString("base64url"), /not a valid cursor/],
    ["an object", cursor({ a: 1 }), /not a valid cursor/],
    ["too few keys", cursor(["NAME_ASC", "China"]), /not a valid cursor/],
    ["a key that is no value", cursor(["NAME_ASC", "China", null]), /not a valid cursor/],
    ["another ordering's", cursor(["ID_ASC", "us"]), /made for another ordering; restart/],
  ])("refuses %s as a cursor, naming the argument", (_label, after, message) => {
    const error = thrown(() => pageWindow({ after }, BY_NAME));
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.extensions.field).toBe("after");
    expect(error.message).toMatch(message);
  });

  it("quotes at most 60 characters of a bad cursor", () => {
    const error = thrown(() => pageWindow({ before: "!".repeat(500) }, BY_NAME));
    expect(error.message).toBe(`before: "${"!".repeat(60)}" is not a valid cursor`);
  });
});

// A list the record holds (cosigners, related incidents) pages by position without a query:
// the same cursors and pageInfo as a root list, and the items spent from the response budget.
describe("services > kit > pagination > arrayConnection", () => {
  const items = ["a", "b", "c", "d", "e", "f", "g"];
  const page = (args: Parameters<typeof arrayWindow>[0], budget = new ResponseBudget()) =>
    arrayConnection<string, Page<string>>(Page, items, arrayWindow(args), budget);

  it("walks every page forwards with first and after, each item once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const flags: [boolean, boolean][] = [];
    for (;;) {
      const next: Page<string> = page({ first: 3, after });
      seen.push(...next.nodes);
      flags.push([next.pageInfo.hasPreviousPage, next.pageInfo.hasNextPage]);
      expect(next.edges.map((edge) => edge.node)).toEqual(next.nodes);
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(seen).toEqual(items);
    expect(flags).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
    expect(await page({ first: 1 }).count()).toBe(items.length);
  });

  it("pages backwards with last and before, in the record's order", () => {
    const end = page({ last: 2 });
    expect(end.nodes).toEqual(["f", "g"]);
    expect(end.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = page({ last: 3, before: end.pageInfo.startCursor });
    expect(before.nodes).toEqual(["c", "d", "e"]);
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(page({ last: 5, before: before.pageInfo.startCursor }).nodes).toEqual(["a", "b"]);
  });

  it("answers an empty page with null cursors, and cursors of positions", () => {
    const empty = page({ first: 0 });
    expect(empty.nodes).toEqual([]);
    const { hasNextPage, hasPreviousPage, startCursor, endCursor } = empty.pageInfo;
    expect({ hasNextPage, hasPreviousPage, startCursor, endCursor }).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
    expect(page({ first: 2 }).edges.map((edge) => edge.cursor)).toEqual([
      encodeCursor("POSITION", [0]),
      encodeCursor("POSITION", [1]),
    ]);
  });

  it("encodes no cursor for a page asked for its nodes alone, and each cursor once when asked", () => {
    let reads = 0;
    const rows = ["a", "b", "c"].map((node) => ({
      node,
      raw: {
        get _sort0() {
          reads += 1;
          return node;
        },
      },
    }));
    const ordering: Ordering = { name: "ID", keys: [{ sql: "id", direction: "ASC" }] };
    const window = pageWindow({ first: 2 }, ordering);
    const page = toConnection(Page<string>, rows, window, async () => 3);
    expect([page.nodes, page.pageInfo.hasNextPage]).toEqual([["a", "b"], true]);
    expect(reads).toBe(0);
    expect(page.pageInfo.endCursor).toBe(encodeCursor("ID", ["b"]));
    const edges = page.edges;
    expect(edges.map((edge) => edge.cursor)).toEqual([
      encodeCursor("ID", ["a"]),
      encodeCursor("ID", ["b"]),
    ]);
    expect(edges[1]!.cursor).toBe(page.pageInfo.endCursor);
    expect(reads).toBe(4);
  });

  it("spends the items it lists from the budget, and refuses past it", () => {
    const budget = new ResponseBudget(5);
    page({ first: 3 }, budget);
    const error = thrown(() => page({ first: 3 }, budget));
    expect(error.extensions).toMatchObject({ code: "RESPONSE_TOO_LARGE", maxNodes: 5 });
  });
});

/** What `paginate` asks of a TypeORM query, recorded; `rows` are what the database returns. */
function recordingQuery(rows: { id: string; name: string }[]) {
  const calls = {
    selects: [] as string[],
    wheres: [] as { sql: string; parameters: Record<string, unknown> }[],
    orders: [] as string[],
    limit: 0,
  };
  const query = {
    clone: () => query,
    addSelect(sql: string, alias: string) {
      calls.selects.push(`${sql} AS ${alias}`);
      return query;
    },
    andWhere(sql: string, parameters: Record<string, unknown>) {
      calls.wheres.push({ sql, parameters });
      return query;
    },
    addOrderBy(sql: string, direction: string) {
      calls.orders.push(`${sql} ${direction}`);
      return query;
    },
    limit(limit: number) {
      calls.limit = limit;
      return query;
    },
    async getRawAndEntities() {
      const fetched = rows.slice(0, calls.limit);
      return {
        entities: fetched,
        raw: fetched.map((row) => ({ _sort0: row.name, _sort1: row.id })),
      };
    },
    getCount: async () => rows.length,
  };
  return { query: query as unknown as SelectQueryBuilder<{ id: string; name: string }>, calls };
}

// A root list is keyset-paginated: the cursor becomes a row comparison over the ordering's keys
// (each key's own direction), a page asks for one row more to know if another follows.
describe("services > kit > pagination > paginate", () => {
  const rows = ["a", "b", "c", "d"].map((id) => ({ id, name: `name ${id}` }));
  const MIXED: Ordering = {
    name: "NEWEST",
    keys: [
      { sql: "s.issued_on", direction: "DESC" },
      { sql: "s.id", direction: "ASC" },
    ],
  };

  it("selects the sort keys, orders by them and fetches one row more than the page", async () => {
    const { query, calls } = recordingQuery(rows);
    const page = await paginate(
      Page,
      query,
      pageWindow({ first: 2 }, BY_NAME),
      new ResponseBudget(),
    );
    expect(calls.selects).toEqual(["(g.name) AS _sort0", "(g.id) AS _sort1"]);
    expect(calls.orders).toEqual(["_sort0 ASC", "_sort1 ASC"]);
    expect(calls.limit).toBe(3);
    expect(calls.wheres).toEqual([]);
    expect(page.nodes.map((node) => node.id)).toEqual(["a", "b"]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page.pageInfo.endCursor).toBe(encodeCursor("NAME_ASC", ["name b", "b"]));
    expect(await page.count()).toBe(4);
  });

  it("turns after into a keyset condition that honours each key's direction", async () => {
    const { query, calls } = recordingQuery(rows);
    const after = encodeCursor("NEWEST", ["2021-07-19", "x"]);
    await paginate(Page, query, pageWindow({ first: 2, after }, MIXED), new ResponseBudget());
    expect(calls.wheres).toEqual([
      {
        sql: "((s.issued_on < :_after0) OR (s.issued_on = :_after0 AND s.id > :_after1))",
        parameters: { _after0: "2021-07-19", _after1: "x" },
      },
    ]);
    expect(calls.orders).toEqual(["_sort0 DESC", "_sort1 ASC"]);
  });

  it("pages backwards by reversing the order, then answers the rows in the list's order", async () => {
    const { query, calls } = recordingQuery([...rows].reverse());
    const before = encodeCursor("NAME_ASC", ["name z", "z"]);
    const page = await paginate(
      Page,
      query,
      pageWindow({ last: 2, before }, BY_NAME),
      new ResponseBudget(),
    );
    expect(calls.wheres[0].sql).toBe(
      "((g.name < :_before0) OR (g.name = :_before0 AND g.id < :_before1))",
    );
    expect(calls.orders).toEqual(["_sort0 DESC", "_sort1 DESC"]);
    expect(page.nodes.map((node) => node.id)).toEqual(["c", "d"]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });
});

// System time orders a list as any key does: a timestamp's cursor is its ISO text to the
// millisecond, which PostgreSQL compares back exactly; a table without an entity (tombstones)
// gives its rows through `fromRow`.
describe("services > kit > pagination > paginate by system time", () => {
  const times = [
    "2026-12-06T04:33:07.189Z",
    "2026-12-06T04:33:07.190Z",
    "2026-12-06T04:33:07.190Z",
  ];
  const rows = times.map((at, i) => ({ id: `r${i}`, updated_at: new Date(at) }));

  function rawQuery() {
    const wheres: unknown[] = [];
    let limit = 0;
    const query = {
      clone: () => query,
      addSelect: () => query,
      addOrderBy: () => query,
      andWhere(sql: string, parameters: Record<string, unknown>) {
        wheres.push({ sql, parameters });
        return query;
      },
      limit(n: number) {
        limit = n;
        return query;
      },
      getRawMany: async () =>
        rows.slice(0, limit).map((row) => ({ ...row, _sort0: row.updated_at, _sort1: row.id })),
      getCount: async () => rows.length,
    };
    return { query: query as unknown as SelectQueryBuilder<{ id: string }>, wheres };
  }

  it("encodes a timestamp key as its ISO text and reads it back as the keyset bound", async () => {
    const ordering = updatedAtOrdering("t", "ASC");
    const { query } = rawQuery();
    const page = await paginate(
      Page,
      query,
      pageWindow({ first: 2 }, ordering),
      new ResponseBudget(),
      (raw) => ({ id: String(raw.id) }),
    );
    expect(page.nodes).toEqual([{ id: "r0" }, { id: "r1" }]);
    expect(page.pageInfo.endCursor).toBe(encodeCursor("UPDATED_AT_ASC", [times[1], "r1"]));

    const next = rawQuery();
    const after = page.pageInfo.endCursor!;
    await paginate(
      Page,
      next.query,
      pageWindow({ first: 2, after }, ordering),
      new ResponseBudget(),
      (raw) => ({
        id: String(raw.id),
      }),
    );
    expect(next.wheres).toEqual([
      {
        sql: "((t.updated_at > :_after0) OR (t.updated_at = :_after0 AND t.id > :_after1))",
        parameters: { _after0: times[1], _after1: "r1" },
      },
    ]);
  });
});
