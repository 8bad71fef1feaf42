import { composeServices } from "@apollo/composition";
import {
  type GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  parse,
} from "graphql";
import { describe, expect, it } from "vitest";
import { operationCost } from "../../../platform/cost";
import { costPlugin } from "../../../platform/cost-plugin";
import { DEFAULT_LEAF_SIZES, type FieldSizes } from "../../../platform/field-sizes";
import { type ListSizes, listSizesFromSupergraph } from "../../../platform/list-sizes";
import { fragmentBomb } from "../../helpers/fragment-bomb";

const CONNECTION = `@listSize(assumedSize: 20, slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)`;
const PAGE_ARGS = `first: Int, after: String, last: Int, before: String`;
const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@listSize"])`;

// Two subgraphs shaped like ours: connections, bounded lists, a Node interface, nodes(ids:).
// Composition refuses a list as a slicing argument ("must be Int or Int!"): nodes(ids:) is
// bounded by its maximum here, and sized by its list below, as the IBM spec allows.
const GOVERNMENTS = /* GraphQL */ `
  ${LINK}
  interface Node { id: ID! }
  type Query {
    government(id: ID!): Government
    nodes(ids: [ID!]!): [Node]! @listSize(assumedSize: 100)
    undeclared: [Government!]!
  }
  type Government implements Node @key(fields: "id") {
    id: ID!
    name: String!
    aliases: [String!]! @listSize(assumedSize: 10)
    memberOf: [Government!]! @listSize(assumedSize: 5)
    statements(${PAGE_ARGS}): StatementConnection! ${CONNECTION}
  }
  type Statement implements Node @key(fields: "id") {
    id: ID!
    title: String
    issuer: Government!
  }
  type StatementConnection { edges: [StatementEdge!]! nodes: [Statement!]! pageInfo: PageInfo! totalCount: Int! }
  type StatementEdge { cursor: String! node: Statement! }
  type PageInfo @shareable { hasNextPage: Boolean! endCursor: String }
`;
const INCIDENTS = /* GraphQL */ `
  ${LINK}
  type Query { incidents(${PAGE_ARGS}): IncidentConnection! ${CONNECTION} }
  type Incident @key(fields: "id") { id: ID! name: String! }
  type IncidentConnection { edges: [IncidentEdge!]! nodes: [Incident!]! pageInfo: PageInfo! totalCount: Int! }
  type IncidentEdge { cursor: String! node: Incident! }
  type PageInfo @shareable { hasNextPage: Boolean! endCursor: String }
  type Government @key(fields: "id") {
    id: ID!
    incidents(first: Int = 7): IncidentConnection! @listSize(assumedSize: 20, slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false)
  }
`;

function composed(): { schema: GraphQLSchema; sizes: ListSizes } {
  const result = composeServices([
    { name: "governments", url: "http://governments", typeDefs: parse(GOVERNMENTS) },
    { name: "incidents", url: "http://incidents", typeDefs: parse(INCIDENTS) },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return {
    schema: result.schema.toAPISchema().toGraphQLJSSchema(),
    sizes: listSizesFromSupergraph(result.supergraphSdl),
  };
}

const { schema, sizes } = composed();

// The estimate counts every field once per item it may be returned for, reading the sizes
// from @listSize in the supergraph, and walks each fragment once however often it is spread.
describe("platform > cost > operationCost", () => {
  const estimate = (
    query: string,
    variables: Record<string, unknown> = {},
    { limit = Infinity, listSizes = sizes }: { limit?: number; listSizes?: ListSizes } = {},
  ) => {
    const document = parse(query);
    const operation = getOperationAST(document)!;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) throw coerced.errors[0];
    return operationCost(schema, document, operation, coerced.coerced, listSizes, limit);
  };
  const cost = (query: string, variables?: Record<string, unknown>, listSizes?: ListSizes) =>
    estimate(query, variables, { listSizes }).cost;

  it("reads @listSize from the composed supergraph, under its @link name", () => {
    expect(sizes.get("Government.statements")).toEqual({
      assumedSize: 20,
      slicingArguments: ["first", "last"],
      sizedFields: ["edges", "nodes"],
    });
    expect(sizes.get("Government.aliases")).toEqual({
      assumedSize: 10,
      slicingArguments: [],
      sizedFields: [],
    });
    const renamed = listSizesFromSupergraph(/* GraphQL */ `
      schema
        @link(
          url: "https://specs.apollo.dev/cost/v0.1"
          import: [{ name: "@listSize", as: "@size" }]
        ) {
        query: Query
      }
      type Query {
        a: [Int] @size(assumedSize: 3)
        b: [Int] @listSize(assumedSize: 4)
      }
    `);
    expect([...renamed.keys()]).toEqual(["Query.a"]);
  });

  it("sizes a connection's edges and nodes by first or last, not its pageInfo or totalCount", () => {
    const page = (args: string) =>
      cost(`{ government(id: "us") { statements${args} { nodes { id } totalCount } } }`);
    expect(page("(first: 5)")).toBe(1 + 1 + (1 + 5) + 1);
    expect(page("(last: 7)")).toBe(1 + 1 + (1 + 7) + 1);
    expect(page("")).toBe(1 + 1 + (1 + 20) + 1);
    expect(page("(first: 0)")).toBe(1 + 1 + 1 + 1);
    // The subgraphs refuse both; costed as the larger.
    expect(page("(first: 3, last: 9)")).toBe(1 + 1 + (1 + 9) + 1);
    expect(
      cost(`{ government(id: "us") {
        statements(first: 10) { edges { cursor node { id title } } pageInfo { hasNextPage endCursor } }
      } }`),
    ).toBe(1 + 1 + (1 + 10 * (1 + 1 + 2)) + (1 + 2));
  });

  it("takes first from variables and their defaults, and field argument defaults", () => {
    const query = `query ($n: Int = 30) { government(id: "us") { statements(first: $n) { nodes { id } } } }`;
    expect(cost(query, { n: 4 })).toBe(1 + 1 + (1 + 4));
    expect(cost(query)).toBe(1 + 1 + (1 + 30));
    expect(cost(query, { n: null })).toBe(1 + 1 + (1 + 20));
    // Government.incidents(first: Int = 7), sized on nodes only.
    expect(cost(`{ government(id: "us") { incidents { nodes { id } } } }`)).toBe(1 + 1 + (1 + 7));
  });

  it("multiplies nested connections", () => {
    const nested = `query ($n: Int!) { government(id: "us") { statements(first: $n) { nodes {
      issuer { statements(first: $n) { nodes { title } } } } } } }`;
    expect(cost(nested, { n: 10 })).toBe(1 + 1 + (1 + 10 * (1 + 1 + (1 + 10))));
  });

  it("costs bounded lists at their maximum and undeclared lists as a full page", () => {
    expect(cost(`{ government(id: "us") { aliases memberOf { name } } }`)).toBe(1 + 1 + (1 + 5));
    expect(cost(`{ undeclared { name } }`)).toBe(1 + 100);
  });

  it("bounds a Node by its dearest type, and sizes a list slicing argument by its length", () => {
    const query = `query ($ids: [ID!]!) { nodes(ids: $ids) {
      id ... on Government { name memberOf { id } } ... on Statement { title } } }`;
    // A Government costs 1 + 1 + (1 + 5); a Statement 1 + 1.
    expect(cost(query, { ids: ["us", "cn", "s1"] })).toBe(1 + 100 * 8);
    const byIds = new Map(sizes).set("Query.nodes", {
      assumedSize: 100,
      slicingArguments: ["ids"],
      sizedFields: [],
    });
    expect(cost(query, { ids: ["us", "cn", "s1"] }, byIds)).toBe(1 + 3 * 8);
    expect(cost(`{ nodes(ids: ["us"]) { id } }`, {}, byIds)).toBe(1 + 1);
  });

  it("costs a fragment as its fields, and introspection as nothing", () => {
    const inline = cost(`{ government(id: "us") { name statements(first: 3) { nodes { id } } } }`);
    expect(
      cost(`{ government(id: "us") { ...G } } fragment G on Government { name ...S }
        fragment S on Government { statements(first: 3) { ...P } } fragment P on StatementConnection { nodes { id } }`),
    ).toBe(inline);
    expect(cost(`{ __typename __schema { types { name } } }`)).toBe(0);
  });

  it.each(["Query", "Government"] as const)(
    "walks each fragment of a bomb on %s once and stops at the limit",
    (on) => {
      const bomb = fragmentBomb(on, on === "Query" ? `government(id: "us") { name }` : "name");
      // Exact without a limit: 4^14 leaves, from fewer than 100 selections walked.
      const full = estimate(bomb);
      expect(full.cost).toBe(on === "Query" ? 2 * 4 ** 14 : 1 + 4 ** 14);
      expect(full.visited).toBeLessThan(100);
      const limited = estimate(bomb, {}, { limit: 50_000 });
      expect(limited.cost).toBeGreaterThan(50_000);
      expect(limited.visited).toBeLessThanOrEqual(full.visited);
    },
  );
});

/** Runs the plugin's check on one request as Apollo Server would, and returns what it threw. */
async function check(plugin: ReturnType<typeof costPlugin>, query: string, variables = {}) {
  const document = parse(query);
  const operation = getOperationAST(document)!;
  // Only the members the plugin reads of Apollo's request context.
  const context = { operation, document, schema, request: { variables } };

  const listener = (await plugin.requestDidStart!(context as any)) as any;
  try {
    await listener.didResolveOperation(context);
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

// What the gateway and each subgraph run before executing: an operation over MAX_COST is refused
// with HTTP 400 and both figures; the cost is remembered per document and slicing inputs only.
describe("platform > cost > costPlugin", () => {
  const PAGE = `query ($n: Int) { government(id: "us") { statements(first: $n) { nodes { id } } } }`;

  it("lets an operation at the limit through and refuses one above it, saying by how much", async () => {
    const plugin = costPlugin(1 + 1 + (1 + 10), sizes);
    expect(await check(plugin, PAGE, { n: 10 })).toBeUndefined();
    const refused = await check(plugin, PAGE, { n: 11 });
    expect(refused?.extensions).toEqual({
      code: "QUERY_TOO_COMPLEX",
      cost: 14,
      maxCost: 13,
      http: { status: 400 },
    });
    expect(refused?.message).toBe(
      "the query is too expensive: estimated cost at least 14, over the limit of 13; ask for smaller pages (first) or fewer nested lists",
    );
  });

  it("costs the same document again for other slicing variables, not from the first answer", async () => {
    const plugin = costPlugin(50, sizes);
    for (const [n, refused] of [
      [5, false],
      [100, true],
      [5, false],
      [48, true],
    ] as const) {
      expect((await check(plugin, PAGE, { n }))?.extensions.code, `first: ${n}`).toBe(
        refused ? "QUERY_TOO_COMPLEX" : undefined,
      );
    }
  });

  it("leaves variables that do not coerce to the gateway's own BAD_USER_INPUT", async () => {
    expect(await check(costPlugin(1, sizes), PAGE, { n: "all" })).toBeUndefined();
  });
});

// The byte rule: each leaf counts its longest value (schema/field-sizes.json, else a default
// for its type) times the items that can hold it, plus its key; the plugin refuses a worst case
// over its limit before anything runs, saying both figures.
describe("platform > cost > bytes", () => {
  const fieldSizes: FieldSizes = {
    fields: { "Government.name": 200, "Government.aliases": 50, "Statement.title": 500 },
  };
  const bytes = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = getOperationAST(document)!;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    return operationCost(schema, document, operation, coerced.coerced!, sizes, Infinity, {
      fieldSizes,
      limit: Infinity,
    }).bytes;
  };
  const PAGE = `query ($n: Int) { government(id: "us") { statements(first: $n) { nodes { title } } } }`;

  it("counts a declared string at its maximum length, once per item that can hold it", () => {
    // "title": 500 characters and its quotes, its key and a comma.
    const title = 500 + 2 + "title".length + 4;
    expect(bytes(PAGE, { n: 10 }) - bytes(PAGE, { n: 5 })).toBe(5 * (title + 1));
    expect(bytes(`{ government(id: "us") { name } }`)).toBe(
      "government".length + 4 + ("name".length + 4 + 202),
    );
  });

  it("counts a list of strings by its size, and an undeclared leaf at its type's default", () => {
    const aliases = bytes(`{ government(id: "us") { aliases } }`);
    expect(aliases).toBe("government".length + 4 + ("aliases".length + 4 + 2 + 10 * (52 + 1)));
    const id = bytes(`{ government(id: "us") { id } }`);
    expect(id).toBe("government".length + 4 + ("id".length + 4 + DEFAULT_LEAF_SIZES.ID + 2));
    const cursor = bytes(`{ government(id: "us") { statements(first: 1) { edges { cursor } } } }`);
    expect(cursor).toBeGreaterThan(DEFAULT_LEAF_SIZES.String);
  });

  it("refuses a worst case over the byte limit with both figures, and lets one at it through", async () => {
    const limit = bytes(PAGE, { n: 10 });
    const plugin = costPlugin(1_000_000, sizes, { maxBytes: limit, fieldSizes });
    expect(await check(plugin, PAGE, { n: 10 })).toBeUndefined();
    const refused = await check(plugin, PAGE, { n: 11 });
    expect(refused?.extensions).toEqual({
      code: "QUERY_TOO_COMPLEX",
      worstCaseBytes: bytes(PAGE, { n: 11 }),
      maxWorstCaseBytes: limit,
      http: { status: 400 },
    });
    expect(refused?.message).toBe(
      `the answer's worst case is at least ${bytes(PAGE, { n: 11 })} bytes (every text at its maximum length), over the limit of ${limit} bytes (MAX_WORST_CASE_BYTES); ask for smaller pages (first), fewer nested lists or fewer long text fields`,
    );
  });
});
