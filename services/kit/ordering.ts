import { Field, InputType } from "type-graphql";
import { type Ordering, SortDirection } from "./pagination";
import { type EnumValue, describedEnum } from "./enums";

export const NameOrderField = describedEnum("NameOrderField", "What to order records by.", {
  NAME: "By name, then id (the default).",
  ID: "By id (slug).",
});
export type NameOrderField = EnumValue<typeof NameOrderField>;

@InputType({ description: "Order by name (the default) or id." })
export class NameOrder {
  @Field(() => NameOrderField, { description: "What to order by." })
  field: NameOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "ASC by default." })
  direction: SortDirection;
}

export function nameOrdering(alias: string, order?: NameOrder): Ordering {
  const direction = order?.direction ?? SortDirection.ASC;
  const keys =
    order?.field === NameOrderField.ID
      ? [{ sql: `${alias}.id`, direction }]
      : [
          { sql: `${alias}.name`, direction },
          { sql: `${alias}.id`, direction },
        ];
  return { name: `${order?.field ?? "NAME"}_${direction}`, keys };
}
