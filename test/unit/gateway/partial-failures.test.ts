import { readFileSync } from "node:fs";
import { Supergraph, operationFromDocument } from "@apollo/federation-internals";
import { type QueryPlan, QueryPlanner } from "@apollo/query-planner";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { failedFetchPathsPlugin, rememberQueryPlan } from "../../../gateway/partial-failures";
import { projectPath } from "../../../platform/paths";
import { INCIDENT_STORY } from "../../../harness/queries/cross-source";

type Failure = {
  message: string;
  path?: (string | number)[];
  extensions: Record<string, unknown>;
};

/** The errors of an answer after the plugin has seen them, for a request planned as `plan`. */
async function afterPlugin(plan: QueryPlan, errors: Failure[]): Promise<Failure[]> {
  const context = {};

  rememberQueryPlan({ queryPlan: plan, requestContext: { context } } as any);

  const listener = (await failedFetchPathsPlugin().requestDidStart!({} as any)) as any;
  const response = { body: { kind: "single", singleResult: { data: null, errors } } };
  await listener.willSendResponse({ response, contextValue: context });
  return errors;
}

const unreachable = (service: string): Failure => ({
  message: `the ${service} subgraph is unavailable`,
  extensions: { code: "SERVICE_UNAVAILABLE", serviceName: service },
});

const fetchNode = (serviceName: string, operation: string) => ({
  kind: "Fetch",
  serviceName,
  operation,
  variableUsages: [],
  operationKind: "query",
});

// Apollo's gateway reports an unreachable subgraph without a path; the query plan says which
// response fields that subgraph owed, and the error is given them (the first as its `path`).
describe("gateway > partial-failures", () => {
  it("traces an entity fetch to the fields it owed, under the list it flattens into", async () => {
    const plan = {
      kind: "QueryPlan",
      node: {
        kind: "Sequence",
        nodes: [
          fetchNode("incidents", "{ incidents { nodes { id __typename } } }"),
          {
            kind: "Parallel",
            nodes: [
              {
                kind: "Flatten",
                path: ["incidents", "nodes", "@"],
                node: fetchNode(
                  "legal-actions",
                  `query ($representations: [_Any!]!) { _entities(representations: $representations) {
                    ... on Incident { __typename legalActions { totalCount } cases: legalActions { totalCount } } } }`,
                ),
              },
              fetchNode("governments", "{ governments { totalCount } }"),
            ],
          },
        ],
      },
    } as unknown as QueryPlan;
    const [legal, governments, other] = await afterPlugin(plan, [
      unreachable("legal-actions"),
      unreachable("governments"),
      { message: "kept", path: ["x"], extensions: { serviceName: "legal-actions" } },
    ]);
    expect(legal.path).toEqual(["incidents", "nodes", "legalActions"]);
    expect(legal.extensions.affectedPaths).toEqual([
      ["incidents", "nodes", "legalActions"],
      ["incidents", "nodes", "cases"],
    ]);
    expect(governments.path).toEqual(["governments"]);
    // An error that has a path already, or names no subgraph, is left as it is.
    expect(other).toEqual({
      message: "kept",
      path: ["x"],
      extensions: { serviceName: "legal-actions" },
    });
  });

  it("leaves an error alone when the plan has no fetch from its subgraph", async () => {
    const plan = {
      kind: "QueryPlan",
      node: fetchNode("incidents", "{ a }"),
    } as unknown as QueryPlan;
    const [error] = await afterPlugin(plan, [unreachable("legal-actions")]);
    expect(error.path).toBeUndefined();
    expect(error.extensions.affectedPaths).toBeUndefined();
  });

  it("finds the legal actions of the incident story in the plan Apollo makes for the supergraph", async () => {
    const supergraph = Supergraph.build(
      readFileSync(projectPath("schema", "supergraph.graphql"), "utf8"),
    );
    const operation = operationFromDocument(supergraph.apiSchema(), parse(INCIDENT_STORY));
    const plan = new QueryPlanner(supergraph).buildQueryPlan(operation);
    const [error] = await afterPlugin(plan, [unreachable("legal-actions")]);
    // What test/e2e/gateway/resilience.test.ts sees when the subgraph is stopped.
    expect(error.path).toEqual(["incident", "legalActions"]);
    expect(error.extensions.affectedPaths).toContainEqual(["incident", "legalActions"]);
  });
});
