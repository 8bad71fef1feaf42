import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import { createParameterDecorator } from "type-graphql";

/** Whether the connection field being resolved selects `totalCount`, through fragments too. */
export function asksTotalCount(info: GraphQLResolveInfo): boolean {
  const seen = new Set<string>();
  const asks = (set: SelectionSetNode | undefined): boolean =>
    set !== undefined &&
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === "totalCount";
      if (selection.kind === Kind.INLINE_FRAGMENT) return asks(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      return asks(info.fragments[name]?.selectionSet);
    });
  return info.fieldNodes.some((node) => asks(node.selectionSet));
}

/**
 * `@CountAsked() withCount: boolean`: whether the field asks for its `totalCount`, so that its
 * page and its count are one statement (a count asked otherwise is still answered, by one more).
 */
export const CountAsked = () =>
  createParameterDecorator(({ info }) => asksTotalCount(info as GraphQLResolveInfo));

const KEY_FIELDS = new Set(["id", "__typename"]);

/** Whether the field asks its record for nothing but the key (`issuer { id }`). */
export function asksOnlyKey(info: GraphQLResolveInfo): boolean {
  const seen = new Set<string>();
  const only = (set: SelectionSetNode | undefined): boolean =>
    set === undefined ||
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return KEY_FIELDS.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return only(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return true;
      seen.add(name);
      return only(info.fragments[name]?.selectionSet);
    });
  return info.fieldNodes.every((node) => only(node.selectionSet));
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
