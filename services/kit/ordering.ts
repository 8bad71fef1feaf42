import { Field, InputType, registerEnumType } from "type-graphql";
import { type Ordering, SortDirection } from "./pagination";

export enum NameOrderField {
  NAME = "NAME",
  ID = "ID",
}
registerEnumType(NameOrderField, {
  name: "NameOrderField",
  description: "What to order records by.",
  valuesConfig: {
    NAME: { description: "By name, then id (the default)." },
    ID: { description: "By id (slug)." },
  },
});

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
