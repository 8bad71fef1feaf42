import { readFileSync } from "node:fs";
import { Supergraph, operationFromDocument } from "@apollo/federation-internals";
import type { PlanNode, QueryPlan } from "@apollo/query-planner";
import { QueryPlanner } from "@apollo/query-planner";
import { type GraphQLError, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { fanOutLimit, planFetches } from "../../../gateway/fan-out";
import { SUPERGRAPH_PATH } from "../../../gateway/supergraph";
import { fanOutRead } from "../../helpers/large-statements";

const supergraph = Supergraph.build(readFileSync(SUPERGRAPH_PATH, "utf8"));
const planner = new QueryPlanner(supergraph);
const plan = (query: string) =>
  planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(query)));

const fetch = (serviceName: string): PlanNode => ({
  kind: "Fetch",
  serviceName,
  operation: "{ __typename }",
  operationName: undefined,
  operationKind: "query" as never,
});

// Fan-out is counted on the plan the gateway runs: one subgraph request per fetch node, a list's
// items batched into one, the same fields under each root alias planned (and fetched) apart.
describe("gateway > fan-out > planFetches", () => {
  it("counts finding 10's plan: one root fetch and two per root alias", () => {
    expect(planFetches(plan(fanOutRead()).node)).toBe(1 + 10 * 2);
    expect(planFetches(plan(fanOutRead(1)).node)).toBe(1 + 2);
  });

  it("counts both branches of a condition and every deferred part", () => {
    expect(
      planFetches({
        kind: "Sequence",
        nodes: [
          fetch("governments"),
          { kind: "Condition", condition: "x", ifClause: fetch("a"), elseClause: fetch("b") },
          {
            kind: "Defer",
            primary: { node: fetch("c") },
            deferred: [{ depends: [], queryPath: [], node: fetch("d") }],
          },
          { kind: "Flatten", path: ["a", "@"], node: fetch("e") },
        ],
      }),
    ).toBe(6);
    expect(planFetches(undefined)).toBe(0);
  });

  it("refuses a plan over the limit before anything is fetched, with both figures", () => {
    const check = fanOutLimit(16);
    const planned = (queryPlan: QueryPlan) => ({ queryPlan }) as Parameters<typeof check>[0];
    expect(() => check(planned(plan(fanOutRead(7))))).not.toThrow();
    let refused: GraphQLError | undefined;
    try {
      check(planned(plan(fanOutRead())));
    } catch (error) {
      refused = error as GraphQLError;
    }
    expect(refused?.extensions).toEqual({
      code: "QUERY_TOO_COMPLEX",
      subgraphFetches: 21,
      maxSubgraphFetches: 16,
      http: { status: 400 },
    });
  });
});
