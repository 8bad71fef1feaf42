import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { GraphQLSchema } from "graphql";
import { type Trusted, costPlugin } from "./cost-plugin";
import { listSizesFromSubgraph } from "./list-sizes";

/** MAX_DEPTH: of a client operation at the gateway, and of a subgraph request. */
export const DEFAULT_MAX_DEPTH = 12;

/**
 * MAX_RESPONSE_BYTES: what the gateway reads of the subgraphs for one client request, what its
 * cost model lets an answer carry at worst, and what one subgraph reads from its tables for one
 * request. The same 16 MiB everywhere: one subgraph's share never exceeds the whole.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface SubgraphLimits {
  maxDepth: number;
  maxCost: number;
  /** No "did you mean" suggestions. */
  production: boolean;
  /** Requests the gateway costed already (signed `vetted`): not costed again. */
  trusted?: Trusted;
}

/**
 * What a subgraph refuses on its own, with the gateway's codes: deeper than `maxDepth`
 * (graphql-armor, GRAPHQL_VALIDATION_FAILED) and dearer than `maxCost` (QUERY_TOO_COMPLEX),
 * costed with its own `@listSize`. The gateway's fetches stay within both: a fetch is a part
 * of the client operation it costed, entity keys standing in for the fields fetched elsewhere.
 */
export function subgraphLimits(schema: GraphQLSchema, limits: SubgraphLimits) {
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    costLimit: { enabled: false },
  }).protect();
  const plugins: ApolloServerPlugin[] = [
    costPlugin(limits.maxCost, listSizesFromSubgraph(schema), undefined, limits.trusted),
    ...(limits.production ? [hideSuggestions()] : []),
  ];
  return { validationRules, plugins };
}

/**
 * "Did you mean" names schema members a production schema does not advertise. Apollo's
 * ApolloServerPluginDisableSuggestions sees only validation errors; variables' errors carry
 * suggestions too, so every error is cleaned, with Apollo's pattern.
 */
export function hideSuggestions(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors)
            error.message = error.message.replace(/ ?Did you mean(.+?)\?$/, "");
        },
      };
    },
  };
}
