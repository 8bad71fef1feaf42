import type { ApolloServerPlugin } from "@apollo/server";
import type { Experimental_DidResolveQueryPlanCallback } from "@apollo/gateway";
import type { PlanNode, QueryPlan } from "@apollo/query-planner";
import { Kind, type SelectionSetNode, parse } from "graphql";

type PlannedContext = { queryPlan?: QueryPlan };

/** Keeps the request's query plan so a failed subgraph fetch can be traced to its fields. */
export const rememberQueryPlan: Experimental_DidResolveQueryPlanCallback = ({
  queryPlan,
  requestContext,
}) => {
  (requestContext.context as PlannedContext).queryPlan = queryPlan;
};

/**
 * Apollo's gateway reports an unreachable subgraph without a path. The plan says which response
 * fields that subgraph owed: the error gets them, so clients see exactly what is missing.
 */
export function failedFetchPathsPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const plan = (contextValue as PlannedContext).queryPlan;
          if (response.body.kind !== "single" || !plan?.node) return;
          for (const error of response.body.singleResult.errors ?? []) {
            const service = error.extensions?.serviceName;
            if (error.path || typeof service !== "string") continue;
            const paths = fetchPaths(plan.node as PlanNode, service, []);
            if (!paths.length) continue;
            Object.assign(error, { path: paths[0] });
            (error.extensions as Record<string, unknown>).affectedPaths = paths;
          }
        },
      };
    },
  };
}

function fetchPaths(
  node: PlanNode,
  service: string,
  prefix: (string | number)[],
): (string | number)[][] {
  switch (node.kind) {
    case "Sequence":
    case "Parallel":
      return node.nodes.flatMap((child) => fetchPaths(child, service, prefix));
    case "Flatten":
      return fetchPaths(node.node as PlanNode, service, [
        ...prefix,
        ...node.path.filter((p) => p !== "@"),
      ]);
    case "Fetch":
      if (node.serviceName !== service) return [];
      return topLevelFields(node.operation, prefix.length > 0).map((field) => [...prefix, field]);
    default:
      return [];
  }
}

/** Field names a fetch returns: under `_entities` for entity fetches, at the root otherwise. */
function topLevelFields(operation: string, entities: boolean): string[] {
  const definition = parse(operation).definitions[0];
  if (definition?.kind !== Kind.OPERATION_DEFINITION) return [];
  let set: SelectionSetNode | undefined = definition.selectionSet;
  if (entities) {
    const entitiesField = set.selections.find(
      (s) => s.kind === Kind.FIELD && s.name.value === "_entities",
    );
    set = entitiesField?.kind === Kind.FIELD ? entitiesField.selectionSet : undefined;
  }
  const names = new Set<string>();
  const collect = (selections: SelectionSetNode | undefined) => {
    for (const selection of selections?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value !== "__typename") {
        names.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
    }
  };
  collect(set);
  return [...names];
}
