import type { ApolloServerPlugin } from "@apollo/server";
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  Kind,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isAbstractType,
  isListType,
  isObjectType,
  visit,
} from "graphql";
import { ErrorCode, apiError } from "./errors";
import type { ListSize, ListSizes } from "./list-sizes";

/** MAX_COST: the gateway's limit on a client operation, and each subgraph's on its own. */
export const DEFAULT_MAX_COST = 200_000;

/** The largest page: a list whose size is not declared is costed as a full one. */
export const UNDECLARED_LIST_SIZE = 100;

/** How many items the fields named in a connection's `sizedFields` return. */
interface Sizing {
  size: number;
  fields: readonly string[];
}

export interface CostEstimate {
  /** The estimate, or a partial sum already above the limit when the walk stopped early. */
  cost: number;
  /** Selections walked: bounded by the document's size times its fragments' parent types. */
  visited: number;
}

/**
 * Estimates the fields an operation's answer may hold: every field counts once per item it may
 * be returned for. Each fragment is costed once per (parent type, sizing) and reused, so the
 * walk is linear in the document, not in its expansion; it stops once the sum passes `limit`.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  sizes: ListSizes,
  limit: number,
): CostEstimate {
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, visited: 0 };
  const walk = new CostWalk(schema, document, variables, sizes);
  const cost = walk.selections(operation.selectionSet, root, undefined, limit);
  return { cost, visited: walk.visited };
}

class CostWalk {
  visited = 0;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly fragmentCosts = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
    private readonly sizes: ListSizes,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        this.fragments.set(definition.name.value, definition);
    }
  }

  /** The cost of `set` for one item of `type`, or a partial sum once it passes `budget`. */
  selections(
    set: SelectionSetNode,
    type: GraphQLObjectType,
    sizing: Sizing | undefined,
    budget: number,
  ): number {
    let cost = 0;
    for (const selection of set.selections) {
      this.visited += 1;
      if (selection.kind === Kind.FIELD) {
        cost += this.field(selection, type, sizing, budget - cost);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (this.applies(selection.typeCondition?.name.value, type))
          cost += this.selections(selection.selectionSet, type, sizing, budget - cost);
      } else {
        cost += this.spread(selection.name.value, type, sizing, budget - cost);
      }
      if (cost > budget) break;
    }
    return cost;
  }

  private spread(
    name: string,
    type: GraphQLObjectType,
    sizing: Sizing | undefined,
    budget: number,
  ): number {
    const fragment = this.fragments.get(name);
    if (!fragment || !this.applies(fragment.typeCondition.name.value, type)) return 0;
    const key = `${name} ${type.name} ${sizing ? `${sizing.size} ${sizing.fields.join()}` : ""}`;
    const known = this.fragmentCosts.get(key);
    if (known !== undefined) return known;
    const cost = this.selections(fragment.selectionSet, type, sizing, budget);
    if (cost <= budget) this.fragmentCosts.set(key, cost);
    return cost;
  }

  private field(
    node: FieldNode,
    parent: GraphQLObjectType,
    sizing: Sizing | undefined,
    budget: number,
  ): number {
    // __typename and the introspection meta fields are not in getFields(): free.
    const definition = parent.getFields()[node.name.value];
    if (!definition) return 0;
    if (!node.selectionSet) return 1;
    const named = getNamedType(definition.type);
    const declared = this.listSize(parent, definition);
    let items = 1;
    let childSizing: Sizing | undefined;
    if (sizing?.fields.includes(definition.name)) items = sizing.size;
    else if (declared && !declared.sizedFields.length)
      items = this.size(node, definition, declared);
    else if (isListType(getNullableType(definition.type))) items = UNDECLARED_LIST_SIZE;
    if (declared?.sizedFields.length)
      childSizing = { size: this.size(node, definition, declared), fields: declared.sizedFields };
    if (items === 0) return 1;
    const childBudget = (budget - 1) / items;
    const types = isAbstractType(named)
      ? this.schema.getPossibleTypes(named)
      : isObjectType(named)
        ? [named]
        : [];
    // One item is of one concrete type: the dearest bounds them all.
    let child = 0;
    for (const type of types) {
      child = Math.max(child, this.selections(node.selectionSet, type, childSizing, childBudget));
      if (child > childBudget) break;
    }
    return 1 + items * child;
  }

  private listSize(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>) {
    return (
      this.sizes.get(`${parent.name}.${field.name}`) ??
      parent
        .getInterfaces()
        .map((i) => this.sizes.get(`${i.name}.${field.name}`))
        .find(Boolean)
    );
  }

  /** The largest slicing argument given (an int, or a list's length), else the assumed size. */
  private size(node: FieldNode, field: GraphQLField<unknown, unknown>, declared: ListSize) {
    const args = declared.slicingArguments.length
      ? getArgumentValues(field, node, this.variables)
      : {};
    let size: number | undefined;
    for (const name of declared.slicingArguments) {
      const value = args[name];
      const given =
        typeof value === "number" ? Math.max(0, value) : Array.isArray(value) ? value.length : null;
      if (given !== null) size = Math.max(size ?? 0, given);
    }
    return size ?? declared.assumedSize ?? UNDECLARED_LIST_SIZE;
  }

  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const target = this.schema.getType(condition);
    return !!target && isAbstractType(target) && this.schema.isSubType(target, type);
  }
}

/** Names of the variables a document passes straight to a slicing argument: the cost's inputs. */
function slicingVariables(document: DocumentNode, sizes: ListSizes): string[] {
  const slicing = new Set<string>();
  for (const size of sizes.values()) for (const name of size.slicingArguments) slicing.add(name);
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (slicing.has(node.name.value) && node.value.kind === Kind.VARIABLE)
        names.add(node.value.name.value);
    },
  });
  return [...names];
}

interface DocumentCosts {
  variables: string[];
  costs: Map<string, number>;
}

const MAX_CACHED_COSTS = 64;

/** Refuses an operation whose estimated answer (fields x list sizes) exceeds `maxCost`. */
export function costPlugin(maxCost: number, sizes: ListSizes): ApolloServerPlugin {
  // Keyed by the DocumentNode Apollo caches per query text, then by the slicing inputs.
  const cache = new WeakMap<DocumentNode, DocumentCosts>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          let entry = cache.get(document);
          if (!entry) {
            entry = { variables: slicingVariables(document, sizes), costs: new Map() };
            cache.set(document, entry);
          }
          // The cost depends on the slicing variables alone (they key the cache): only those are
          // coerced per request, not a subgraph's whole `representations` list; all of them only
          // when the cost must be computed.
          const definitions = operation.variableDefinitions ?? [];
          const slicing = new Set(entry.variables);
          const coerce = (only?: Set<string>) =>
            getVariableValues(
              schema,
              only ? definitions.filter((d) => only.has(d.variable.name.value)) : definitions,
              request.variables ?? {},
            );
          const coerced = coerce(slicing);
          // The gateway refuses bad variables with BAD_USER_INPUT before planning anything.
          if (coerced.errors) return;
          const inputs = entry.variables.map((name) => {
            const value = coerced.coerced[name];
            return Array.isArray(value) ? `[${value.length}]` : (value ?? String(value));
          });
          const key = JSON.stringify([operation.name?.value, inputs]);
          let cost = entry.costs.get(key);
          if (cost === undefined) {
            const all = coerce();
            if (all.errors) return;
            cost = operationCost(schema, document, operation, all.coerced, sizes, maxCost).cost;
            if (entry.costs.size >= MAX_CACHED_COSTS) entry.costs.clear();
            entry.costs.set(key, cost);
          }
          if (cost > maxCost) {
            throw apiError(
              ErrorCode.QUERY_TOO_COMPLEX,
              `the query is too expensive: estimated cost at least ${cost}, over the limit of ${maxCost}; ask for smaller pages (first) or fewer nested lists`,
              { cost, maxCost },
              400,
            );
          }
        },
      };
    },
  };
}
