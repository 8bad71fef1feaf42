import { Field, InputType } from "type-graphql";
import { type Ordering, SortDirection } from "./pagination";
import { type EnumValue, describedEnum } from "./enums";
import { UPDATED_AT_ORDER } from "./record-time";

export const NameOrderField = describedEnum("NameOrderField", "What to order records by.", {
  NAME: "By name, then id (the default).",
  ID: "By id (slug).",
  ...UPDATED_AT_ORDER,
});
export type NameOrderField = EnumValue<typeof NameOrderField>;

/** `<Kind>Order`: the field a list is ordered by, and its direction (`direction` by default). */
export function OrderInput<F extends string>(
  name: string,
  field: object,
  description: string,
  direction: SortDirection,
) {
  @InputType(name, { description })
  class Order {
    @Field(() => field, { description: "What to order by." })
    field: F;

    @Field(() => SortDirection, {
      defaultValue: direction,
      description: `${direction} by default.`,
    })
    direction: SortDirection;
  }
  return Order;
}

export const NameOrder = OrderInput<NameOrderField>(
  "NameOrder",
  NameOrderField,
  "Order by name (the default) or id.",
  SortDirection.ASC,
);
export type NameOrder = InstanceType<typeof NameOrder>;

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
