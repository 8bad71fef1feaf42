import { Field, InputType } from "type-graphql";
import { type Ordering, SortDirection } from "./pagination";
import { type EnumValue, describedEnum } from "./enums";
import { UPDATED_AT_ORDER } from "./record-time";

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

/**
 * `<Kind>OrderField`: what a list of records orders by, `values` and then UPDATED_AT (every
 * record list's sync order).
 */
export function orderFields<const V extends string>(
  kind: string,
  description: string,
  values: Record<V, string>,
) {
  return describedEnum<V | keyof typeof UPDATED_AT_ORDER>(`${kind}OrderField`, description, {
    ...values,
    ...UPDATED_AT_ORDER,
  });
}

/** `<Kind>OrderField` (`orderFields`) and `<Kind>Order`, its field and direction (`OrderInput`). */
export function recordOrder<const V extends string>(
  kind: string,
  about: { fields: string; order: string },
  values: Record<V, string>,
  direction: SortDirection,
) {
  const field = orderFields(kind, about.fields, values);
  const input = OrderInput<EnumValue<typeof field>>(`${kind}Order`, field, about.order, direction);
  return { field, input };
}

export const { field: NameOrderField, input: NameOrder } = recordOrder(
  "Name",
  { fields: "What to order records by.", order: "Order by name (the default) or id." },
  { NAME: "By name, then id (the default).", ID: "By id (slug)." },
  SortDirection.ASC,
);
export type NameOrderField = EnumValue<typeof NameOrderField>;
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
