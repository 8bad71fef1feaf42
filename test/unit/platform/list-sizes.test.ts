import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { listSizesFromSubgraph, listSizesFromSupergraph } from "../../../platform/list-sizes";

const costLink = (link: string) => /* GraphQL */ `
  schema @link(url: "https://specs.apollo.dev/link/v1.0") ${link} { query: Query }
  type Query {
    plain: [Int] @listSize(assumedSize: 1)
    prefixed: [Int] @cost__listSize(assumedSize: 2)
    renamed: [Int] @demand__listSize(assumedSize: 3)
  }
`;

// The cost analysis reads `@listSize` under whatever name the supergraph's @link gives the cost
// spec, on object and interface fields, and sizes a subgraph's `_entities` by its representations.
describe("platform > list-sizes", () => {
  it("finds @listSize under the name the cost spec's @link gives it", () => {
    const keys = (link: string) => [...listSizesFromSupergraph(costLink(link)).keys()];
    const cost = `@link(url: "https://specs.apollo.dev/cost/v0.1"`;
    expect(keys(`${cost}, import: ["@listSize"])`)).toEqual(["Query.plain"]);
    expect(keys(`${cost})`)).toEqual(["Query.prefixed"]);
    expect(keys(`${cost}, as: "demand")`)).toEqual(["Query.renamed"]);
    // Without a link to the cost spec, the plain name (a subgraph's own SDL).
    expect(keys("")).toEqual(["Query.plain"]);
  });

  it("reads every argument, on interfaces and type extensions too", () => {
    const sizes = listSizesFromSupergraph(/* GraphQL */ `
      type Query {
        a: Int
      }
      interface Listed {
        items(first: Int, ids: [ID!]): [Int]
          @listSize(slicingArguments: ["first", "ids"], sizedFields: ["edges"])
      }
      extend type Query {
        more: [Int] @listSize(assumedSize: 7, requireOneSlicingArgument: false)
      }
    `);
    expect(Object.fromEntries(sizes)).toEqual({
      "Listed.items": {
        assumedSize: undefined,
        slicingArguments: ["first", "ids"],
        sizedFields: ["edges"],
      },
      "Query.more": { assumedSize: 7, slicingArguments: [], sizedFields: [] },
    });
  });

  it("sizes a subgraph's own lists and its _entities by the representations given", () => {
    const schema = buildSubgraphSchema([
      {
        typeDefs: parse(/* GraphQL */ `
          extend schema
            @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize"])
          type Query {
            things(first: Int): [Thing!]! @listSize(assumedSize: 20, slicingArguments: ["first"])
          }
          type Thing @key(fields: "id") {
            id: ID!
          }
        `),
        resolvers: {},
      },
    ]);
    expect(Object.fromEntries(listSizesFromSubgraph(schema))).toEqual({
      "Query.things": { assumedSize: 20, slicingArguments: ["first"], sizedFields: [] },
      "Query._entities": { slicingArguments: ["representations"], sizedFields: [] },
    });
  });
});
