import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import { createParameterDecorator } from "type-graphql";

/** The fields a selection set selects, through inline fragments and fragment spreads. */
function fieldsOf(info: GraphQLResolveInfo, sets: readonly (SelectionSetNode | undefined)[]) {
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  sets.forEach(walk);
  return fields;
}

const own = (info: GraphQLResolveInfo) =>
  fieldsOf(
    info,
    info.fieldNodes.map((node) => node.selectionSet),
  );

/**
 * `answer(info)` once per field of a document: the same field resolved under many parents (a
 * nested list under 100 statements) asks the same question of the same (cached) AST.
 */
function perField<V>(answer: (info: GraphQLResolveInfo) => V) {
  const answers = new WeakMap<FieldNode, V>();
  return (info: GraphQLResolveInfo): V => {
    if (info.fieldNodes.length !== 1) return answer(info);
    const node = info.fieldNodes[0];
    let known = answers.get(node);
    if (known === undefined) {
      known = answer(info);
      answers.set(node, known);
    }
    return known;
  };
}

/**
 * What a connection field asks of its count: not it (`false`), it with the page (`true`), or it
 * `"alone"` (`{ totalCount }`): then a nested page reads no rows, only its parents' counts.
 */
export type WithCount = boolean | "alone";

const COUNT_ALONE = new Set(["totalCount", "__typename"]);

/** Whether the connection field being resolved selects `totalCount`, and whether alone. */
export const asksTotalCount = perField((info): WithCount => {
  const fields = own(info);
  if (!fields.some((field) => field.name.value === "totalCount")) return false;
  return fields.every((field) => COUNT_ALONE.has(field.name.value)) ? "alone" : true;
});

/**
 * `@CountAsked() withCount: WithCount`: whether the field asks for its `totalCount`, so that its
 * page and its count are one statement (a count asked otherwise is still answered, by one more).
 */
export const CountAsked = () =>
  createParameterDecorator(({ info }) => asksTotalCount(info as GraphQLResolveInfo));

const KEY_FIELDS = new Set(["id", "__typename"]);

/** Whether the field asks its record for nothing but the key (`issuer { id }`). */
export const asksOnlyKey = perField((info) =>
  own(info).every((field) => KEY_FIELDS.has(field.name.value)),
);

/**
 * Whether the items of the connection being resolved (`nodes` or `edges { node }`) ask `field`
 * for more than its key: then a page may read that record with its items.
 */
export function itemsAskRecord(info: GraphQLResolveInfo, field: string): boolean {
  const top = own(info);
  const edges = top.filter((f) => f.name.value === "edges").map((f) => f.selectionSet);
  const nodes = [
    ...top.filter((f) => f.name.value === "nodes").map((f) => f.selectionSet),
    ...fieldsOf(info, edges)
      .filter((f) => f.name.value === "node")
      .map((f) => f.selectionSet),
  ];
  const asked = fieldsOf(info, nodes).filter((f) => f.name.value === field);
  return fieldsOf(
    info,
    asked.map((f) => f.selectionSet),
  ).some((f) => !KEY_FIELDS.has(f.name.value));
}

/**
 * The record `id` of `type` through `loader`, or, when the field asks for its key alone, the key
 * without reading the record (the reference is a foreign key: the record exists).
 */
export function recordOrKey<V extends object>(
  loader: { load(id: string): Promise<V | null> },
  type: new () => V,
  id: string,
  info: GraphQLResolveInfo,
): Promise<V | null> | V {
  return asksOnlyKey(info) ? Object.assign(new type(), { id }) : loader.load(id);
}
