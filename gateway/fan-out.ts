import type { Experimental_DidResolveQueryPlanCallback } from "@apollo/gateway";
import type { PlanNode, QueryPlan } from "@apollo/query-planner";
import { ErrorCode, apiError } from "../platform/errors";

type Node = NonNullable<QueryPlan["node"]>;

/**
 * The subgraph requests a query plan makes: one per fetch node. A fetch under a list is one
 * request for all its items (the planner batches their representations), but the same fields
 * under each of ten root aliases are ten fetches: the planner never merges different paths.
 * Both branches of a condition and every deferred part are counted.
 */
export function planFetches(node: Node | undefined): number {
  if (!node) return 0;
  switch (node.kind) {
    case "Fetch":
      return 1;
    case "Sequence":
    case "Parallel":
      return node.nodes.reduce((sum, child) => sum + planFetches(child), 0);
    case "Flatten":
      return planFetches(node.node);
    case "Condition":
      return planFetches(node.ifClause) + planFetches(node.elseClause);
    case "Defer":
      return (
        planFetches(node.primary.node) +
        node.deferred.reduce((sum, part) => sum + planFetches(part.node), 0)
      );
    case "Subscription":
      return 1 + planFetches(node.rest);
    default:
      return assertNever(node);
  }
}

function assertNever(node: never): number {
  throw new Error(`unknown query plan node ${(node as PlanNode).kind}`);
}

/**
 * Refuses, once planned and before anything is fetched, an operation whose plan makes more than
 * `max` subgraph requests (MAX_SUBGRAPH_FETCHES): fan-out is a cost of its own, paid in
 * parallel connections and subgraph work however small each answer is.
 */
export function fanOutLimit(max: number): Experimental_DidResolveQueryPlanCallback {
  return ({ queryPlan }) => {
    const fetches = planFetches(queryPlan.node);
    if (fetches <= max) return;
    throw apiError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `the query would make ${fetches} subgraph fetches, over the limit of ${max} (MAX_SUBGRAPH_FETCHES); ask for fewer root fields, or fewer fields from other sources under each`,
      { subgraphFetches: fetches, maxSubgraphFetches: max },
      400,
    );
  };
}
