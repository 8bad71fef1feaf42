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
