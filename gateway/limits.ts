import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  type FragmentDefinitionNode,
  GraphQLError,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";
import { DEFAULT_ADMISSION } from "../platform/admission";
import { DEFAULT_MAX_BYTES_IN_FLIGHT } from "../platform/bytes-in-flight";
import { DEFAULT_MAX_COST } from "../platform/cost";
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_RESPONSE_BYTES, hideSuggestions } from "../platform/limits";

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxTokens: number;
  /** UTF-8 bytes of a query's text, comments and whitespace included. */
  maxQueryBytes: number;
  maxDirectives: number;
  /** Weighted by list sizes: a field under `first: 100` counts 100 times. */
  maxCost: number;
  maxBodyBytes: number;
  /** Bytes of subgraph answers one client request may receive. */
  maxResponseBytes: number;
  /** Bytes of subgraph answers all client requests may hold at once, beyond 1 MiB each. */
  maxBytesInFlight: number;
  /**
   * The most an operation's answer may carry at worst, every text at its declared maximum
   * length (the cost model's byte rule): above it the operation is refused before it runs.
   */
  maxWorstCaseBytes: number;
  /** Subgraph fetches one operation's query plan may make (refused before it runs). */
  maxSubgraphFetches: number;
  batching: boolean;
  maxBatchSize: number;
  /** Requests per minute per client address (before any key is looked up), then per API key. */
  rateLimitPerMinute: number;
  /**
   * A TAXII objects or manifest page counts as one request per this many objects of its `limit`
   * (a page of 100 as 10 requests): a page costs the server about as much as that many GraphQL
   * reads, so a TAXII reader at its rate limit leaves room for everyone else.
   */
  taxiiObjectsPerRequest: number;
  subgraphTimeoutMs: number;
  /** Admission control: requests run at once, overall and per client address. */
  maxConcurrentRequests: number;
  maxConcurrentPerClient: number;
  /** Requests waiting for a slot, and how long one may wait, before 503. */
  maxQueuedRequests: number;
  queueTimeoutMs: number;
  /** How long one request may run at the gateway before it is answered TIMEOUT. */
  requestTimeoutMs: number;
  /** A client's headers, then its body, must arrive within these (408, connection closed). */
  headerTimeoutSeconds: number;
  bodyTimeoutSeconds: number;
  /** Open connections per client address; above MAX_CONCURRENT_PER_CLIENT (slots). */
  maxConnectionsPerClient: number;
}

/**
 * 256 MiB. Not MAX_RESPONSE_BYTES: at the declared maxima (20 quotes of 5,000 characters with 10
 * translations each, under each of 20 attributions) the web app's incident page could reach
 * 159 MB, while its real answers are kilobytes. The runtime budgets bound what is really read.
 */
export const DEFAULT_MAX_WORST_CASE_BYTES = 256 * 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  maxDepth: DEFAULT_MAX_DEPTH,
  maxAliases: 15,
  maxRootFields: 10,
  maxTokens: 3000,
  maxQueryBytes: 32 * 1024,
  maxDirectives: 20,
  maxCost: DEFAULT_MAX_COST,
  maxBodyBytes: 1024 * 1024,
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  maxBytesInFlight: DEFAULT_MAX_BYTES_IN_FLIGHT,
  maxWorstCaseBytes: DEFAULT_MAX_WORST_CASE_BYTES,
  maxSubgraphFetches: 16,
  batching: false,
  maxBatchSize: 10,
  rateLimitPerMinute: 1200,
  taxiiObjectsPerRequest: 10,
  subgraphTimeoutMs: 15_000,
  maxConcurrentRequests: DEFAULT_ADMISSION.maxConcurrent,
  maxConcurrentPerClient: DEFAULT_ADMISSION.maxPerClient,
  maxQueuedRequests: DEFAULT_ADMISSION.maxQueued,
  queueTimeoutMs: DEFAULT_ADMISSION.queueTimeoutMs,
  requestTimeoutMs: 30_000,
  headerTimeoutSeconds: 10,
  bodyTimeoutSeconds: 10,
  maxConnectionsPerClient: 64,
};

/**
 * graphql-armor for depth, aliases and directives. Tokens are capped by graphql-js itself
 * (`parseOptions.maxTokens`): armor's Apollo token plugin throws from parsingDidStart, which
 * turns every syntax error into a 500.
 */
export function armor(limits: Limits, { production }: { production: boolean }) {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    // Its mask leaves the "?" behind and misses enum values: hideSuggestions instead.
    blockFieldSuggestion: { enabled: false },
    // Replaced by costPlugin (platform/cost.ts): armor's cost ignores how many items
    // `first` asks for.
    costLimit: { enabled: false },
  }).protect();
  return {
    plugins: production ? [...plugins, hideSuggestions()] : plugins,
    validationRules: [...validationRules, rootFieldsRule(limits.maxRootFields)],
  };
}

function rootFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const count = countRootFields(operation.selectionSet, context.getDocument().definitions);
      if (count > max) {
        context.reportError(
          new GraphQLError(`an operation may select at most ${max} root fields, found ${count}`, {
            nodes: [operation],
          }),
        );
      }
    },
  });
}

function countRootFields(
  set: SelectionSetNode,
  definitions: readonly unknown[],
  seen = new Set<string>(),
): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === "Field") count += 1;
    else if (selection.kind === "InlineFragment")
      count += countRootFields(selection.selectionSet, definitions, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = definitions.find(
        (d): d is FragmentDefinitionNode =>
          (d as FragmentDefinitionNode).kind === "FragmentDefinition" &&
          (d as FragmentDefinitionNode).name.value === selection.name.value,
      );
      if (fragment) count += countRootFields(fragment.selectionSet, definitions, seen);
    }
  }
  return count;
}
