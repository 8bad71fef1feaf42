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
  isAbstractType,
  isListType,
  isObjectType,
} from "graphql";
import { type FieldSizes, leafSize } from "./field-sizes";
import type { ListSize, ListSizes } from "./list-sizes";

/** MAX_COST: the gateway's limit on a client operation, and each subgraph's on its own. */
export const DEFAULT_MAX_COST = 200_000;

/** The largest page: a list whose size is not declared is costed as a full one. */
export const UNDECLARED_LIST_SIZE = 100;

/** The fields an answer may hold, and the bytes (as JSON, a character counted as one) it may take. */
export interface Cost {
  fields: number;
  bytes: number;
}

/** How many items the fields named in a connection's `sizedFields` return. */
interface Sizing {
  size: number;
  fields: readonly string[];
}

export interface CostEstimate {
  /** Fields: the estimate, or a partial sum already above the limit when the walk stopped early. */
  cost: number;
  /** Bytes, likewise (0 without field sizes). */
  bytes: number;
  /** Selections walked: bounded by the document's size times its fragments' parent types. */
  visited: number;
}

const ZERO: Cost = { fields: 0, bytes: 0 };
const plus = (a: Cost, b: Cost): Cost => ({
  fields: a.fields + b.fields,
  bytes: a.bytes + b.bytes,
});
const minus = (a: Cost, b: Cost): Cost => ({
  fields: a.fields - b.fields,
  bytes: a.bytes - b.bytes,
});
const over = (cost: Cost, limit: Cost) => cost.fields > limit.fields || cost.bytes > limit.bytes;

/**
 * Estimates the fields an operation's answer may hold, every field counted once per item it may
 * be returned for, and, given `fieldSizes`, the bytes: each leaf at its longest value times the
 * items that can hold it. Each fragment is costed once per (parent type, sizing) and reused, so
 * the walk is linear in the document, not in its expansion; it stops once a sum passes its limit.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  sizes: ListSizes,
  limit: number,
  bytes?: { fieldSizes: FieldSizes; limit: number },
): CostEstimate {
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, bytes: 0, visited: 0 };
  const walk = new CostWalk(schema, document, variables, sizes, bytes?.fieldSizes);
  const budget = { fields: limit, bytes: bytes?.limit ?? Infinity };
  const cost = walk.selections(operation.selectionSet, root, undefined, budget);
  return { cost: cost.fields, bytes: cost.bytes, visited: walk.visited };
}

class CostWalk {
  visited = 0;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly fragmentCosts = new Map<string, Cost>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
    private readonly sizes: ListSizes,
    private readonly fieldSizes: FieldSizes | undefined,
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
    budget: Cost,
  ): Cost {
    let cost = ZERO;
    for (const selection of set.selections) {
      this.visited += 1;
      const left = minus(budget, cost);
      if (selection.kind === Kind.FIELD) {
        cost = plus(cost, this.field(selection, type, sizing, left));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (this.applies(selection.typeCondition?.name.value, type))
          cost = plus(cost, this.selections(selection.selectionSet, type, sizing, left));
      } else {
        cost = plus(cost, this.spread(selection.name.value, type, sizing, left));
      }
      if (over(cost, budget)) break;
    }
    return cost;
  }

  private spread(
    name: string,
    type: GraphQLObjectType,
    sizing: Sizing | undefined,
    budget: Cost,
  ): Cost {
    const fragment = this.fragments.get(name);
    if (!fragment || !this.applies(fragment.typeCondition.name.value, type)) return ZERO;
    const key = `${name} ${type.name} ${sizing ? `${sizing.size} ${sizing.fields.join()}` : ""}`;
    const known = this.fragmentCosts.get(key);
    if (known !== undefined) return known;
    const cost = this.selections(fragment.selectionSet, type, sizing, budget);
    if (!over(cost, budget)) this.fragmentCosts.set(key, cost);
    return cost;
  }

  private field(
    node: FieldNode,
    parent: GraphQLObjectType,
    sizing: Sizing | undefined,
    budget: Cost,
  ): Cost {
    // __typename and the introspection meta fields are not in getFields(): free.
    const definition = parent.getFields()[node.name.value];
    if (!definition) return ZERO;
    // `"key":` and a comma.
    const key = (node.alias ?? node.name).value.length + 4;
    const items = this.items(node, parent, definition, sizing);
    const list = isListType(getNullableType(definition.type));
    if (!node.selectionSet) {
      if (!this.fieldSizes) return { fields: 1, bytes: 0 };
      const value = leafSize(this.fieldSizes, parent, definition);
      return { fields: 1, bytes: key + (list ? 2 + items.count * (value + 1) : value) };
    }
    if (items.count === 0) return { fields: 1, bytes: key + 2 };
    const childBudget = {
      fields: (budget.fields - 1) / items.count,
      bytes: (budget.bytes - key) / items.count,
    };
    const named = getNamedType(definition.type);
    const types = isAbstractType(named)
      ? this.schema.getPossibleTypes(named)
      : isObjectType(named)
        ? [named]
        : [];
    // One item is of one concrete type: the dearest bounds them all.
    let child = ZERO;
    for (const type of types) {
      const cost = this.selections(node.selectionSet, type, items.childSizing, childBudget);
      child = {
        fields: Math.max(child.fields, cost.fields),
        bytes: Math.max(child.bytes, cost.bytes),
      };
      if (over(child, childBudget)) break;
    }
    return {
      fields: 1 + items.count * child.fields,
      bytes: key + (list ? 2 : 0) + items.count * (child.bytes + (list ? 1 : 0)),
    };
  }

  /** How many items the field returns, and how its connection sizes its own fields. */
  private items(
    node: FieldNode,
    parent: GraphQLObjectType,
    definition: GraphQLField<unknown, unknown>,
    sizing: Sizing | undefined,
  ): { count: number; childSizing?: Sizing } {
    const declared = this.listSize(parent, definition);
    let count = 1;
    if (sizing?.fields.includes(definition.name)) count = sizing.size;
    else if (declared && !declared.sizedFields.length)
      count = this.size(node, definition, declared);
    else if (isListType(getNullableType(definition.type))) count = UNDECLARED_LIST_SIZE;
    const childSizing = declared?.sizedFields.length
      ? { size: this.size(node, definition, declared), fields: declared.sizedFields }
      : undefined;
    return { count, childSizing };
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
