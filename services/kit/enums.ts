import { registerEnumType } from "type-graphql";

/** The type of an enum `describedEnum` made: the union of its values. */
export type EnumValue<E> = E[keyof E];

/**
 * A GraphQL enum whose values are their own names, each described: the TypeScript object
 * (`GovernmentKind.STATE === "STATE"`) and its type-graphql registration in one declaration.
 */
export function describedEnum<const V extends string>(
  name: string,
  description: string,
  values: Record<V, string>,
): { readonly [K in V]: K } {
  const members = Object.fromEntries(Object.keys(values).map((v) => [v, v])) as { [K in V]: K };
  const valuesConfig = Object.fromEntries(
    Object.entries<string>(values).map(([value, about]) => [value, { description: about }]),
  ) as Record<V, { description: string }>;
  registerEnumType(members, { name, description, valuesConfig });
  return members;
}
