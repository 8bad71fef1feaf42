import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  valueFromASTUntyped,
  visit,
} from "graphql";
import { type Env, getEnvBool, getEnvInt } from "../services/common/env";

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxTokens: number;
  maxDirectives: number;
  /** Weighted by list sizes: a field under `first: 100` counts 100 times. */
  maxCost: number;
  maxBodyBytes: number;
  batching: boolean;
  maxBatchSize: number;
  /** Requests per minute per API key, or per IP address for anonymous callers. */
  rateLimitPerMinute: number;
  subgraphTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 12,
  maxAliases: 15,
  maxRootFields: 10,
  maxTokens: 3000,
  maxDirectives: 20,
  maxCost: 50_000,
  maxBodyBytes: 1024 * 1024,
  batching: false,
  maxBatchSize: 10,
  rateLimitPerMinute: 1200,
  subgraphTimeoutMs: 15_000,
};

export function limitsFromEnv(env: Env): Limits {
  const int = (name: string, fallback: number, min = 1) => getEnvInt(env, name, fallback, { min });
  return {
    maxDepth: int("MAX_DEPTH", DEFAULT_LIMITS.maxDepth),
    maxAliases: int("MAX_ALIASES", DEFAULT_LIMITS.maxAliases, 0),
    maxRootFields: int("MAX_ROOT_FIELDS", DEFAULT_LIMITS.maxRootFields),
    maxTokens: int("MAX_TOKENS", DEFAULT_LIMITS.maxTokens),
    maxDirectives: int("MAX_DIRECTIVES", DEFAULT_LIMITS.maxDirectives, 0),
    maxCost: int("MAX_COST", DEFAULT_LIMITS.maxCost),
    maxBodyBytes: int("MAX_BODY_BYTES", DEFAULT_LIMITS.maxBodyBytes, 1024),
    batching: getEnvBool(env, "BATCH_REQUESTS", DEFAULT_LIMITS.batching),
    maxBatchSize: int("MAX_BATCH_SIZE", DEFAULT_LIMITS.maxBatchSize),
    rateLimitPerMinute: int("RATE_LIMIT_PER_MINUTE", DEFAULT_LIMITS.rateLimitPerMinute),
    subgraphTimeoutMs: int("SUBGRAPH_TIMEOUT_MS", DEFAULT_LIMITS.subgraphTimeoutMs),
  };
}

/**
 * graphql-armor for depth, aliases, directives and "did you mean" suggestions. Tokens are capped
 * by graphql-js itself (`parseOptions.maxTokens`): armor's Apollo token plugin throws from
 * parsingDidStart, which turns every syntax error into a 500.
 */
export function armor(limits: Limits) {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
    // Replaced by costPlugin: armor's cost ignores how many items `first` asks for.
    costLimit: { enabled: false },
  }).protect();
  return { plugins, validationRules: [...validationRules, rootFieldsRule(limits.maxRootFields)] };
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

const DEFAULT_PAGE = 20;
const UNBOUNDED_LIST = 5;

/** Rejects an operation whose estimated result size (fields x list sizes) exceeds `maxCost`. */
export function costPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const fragments = new Map(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === "FragmentDefinition")
              .map((d) => [d.name.value, d]),
          );
          const root = schema.getRootType(operation.operation);
          if (!root) return;
          const cost = selectionCost(
            schema,
            root,
            operation.selectionSet,
            fragments,
            request.variables ?? {},
            1,
          );
          if (cost > maxCost) {
            throw new GraphQLError(
              `the query is too expensive: estimated cost ${cost} exceeds ${maxCost}; ask for smaller pages (first) or fewer nested lists`,
              { extensions: { code: "QUERY_TOO_COMPLEX", cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

function selectionCost(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  multiplier: number,
): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === "FragmentSpread" || selection.kind === "InlineFragment") {
      const fragment =
        selection.kind === "FragmentSpread" ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition
        ? schema.getType(fragment.typeCondition.name.value)
        : parent;
      const type = condition && isCompositeType(condition) ? condition : parent;
      cost += selectionCost(schema, type, fragment.selectionSet, fragments, variables, multiplier);
      continue;
    }
    if (!("getFields" in parent)) {
      cost += multiplier;
      continue;
    }
    const field = parent.getFields()[selection.name.value];
    if (!field) continue;
    cost += multiplier;
    const named = getNamedType(field.type);
    if (!selection.selectionSet || !isCompositeType(named)) continue;
    const first = selection.arguments?.find((a) => a.name.value === "first");
    const hasFirst = field.args.some((a) => a.name === "first");
    let factor = 1;
    if (hasFirst) {
      const value = first ? valueFromASTUntyped(first.value, variables) : undefined;
      factor = typeof value === "number" && value >= 0 ? value : DEFAULT_PAGE;
    } else if (isListType(getNullableType(field.type)) && !parent.name.endsWith("Connection")) {
      factor = UNBOUNDED_LIST;
    }
    cost += selectionCost(
      schema,
      named,
      selection.selectionSet,
      fragments,
      variables,
      multiplier * Math.max(factor, 1),
    );
  }
  return cost;
}

/** PostgreSQL text cannot hold U+0000: refuse it up front with the argument's name. */
export function nulCharacterPlugin(): ApolloServerPlugin {
  const find = (value: unknown, path: string): string | null => {
    if (typeof value === "string") return value.includes("\u0000") ? path : null;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        const found = find(item, `${path}[${i}]`);
        if (found) return found;
      }
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const found = find(item, `${path}.${key}`);
        if (found) return found;
      }
    }
    return null;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let where = find(request.variables ?? {}, "$");
          visit(document, {
            StringValue(node) {
              if (!where && node.value.includes("\u0000")) where = "a string literal";
            },
          });
          if (where) {
            throw new GraphQLError(`${where}: text must not contain the NUL character (U+0000)`, {
              extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
