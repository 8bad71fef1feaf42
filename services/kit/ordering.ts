import { Field, InputType } from "type-graphql";
import { type Ordering, SortDirection, relevanceOrdering } from "./pagination";
import { type EnumValue, describedEnum } from "./enums";
import { badUserInput } from "../../platform/errors";
import { searchText } from "./filters";
import { UPDATED_AT_ORDER, updatedAtOrdering } from "./record-time";

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

/** A record list's ordering by name (`recordList`'s `ordering`), on the list's table. */
export const byName = (order: NameOrder | undefined, _filter: unknown, alias: string) =>
  nameOrdering(alias, order);

/** Where a dated list's order reads: its `alias`, its date field and column, its text rank. */
export interface DatedColumns {
  alias: string;
  dateField: string;
  date: string;
  /** How well a row matches `:text`, which the filter binds whenever `text` searches. */
  rank: string;
}

/**
 * A dated list's order (statements, legal actions), newest first unless `order` says otherwise:
 * by date then id (the default), by id, by system time, or best match first (the default when
 * `filter.text` searches), equally relevant rows newest first, then by id for a stable page.
 */
export const datedOrdering =
  (columns: DatedColumns) =>
  (
    order: { field: string; direction: SortDirection } | undefined,
    filter: { text?: string | null } | undefined,
  ): Ordering =>
    orderingOfDated(columns, order, searchText(filter?.text, "filter.text"));

function orderingOfDated(
  columns: DatedColumns,
  order: { field: string; direction: SortDirection } | undefined,
  text: string | undefined,
): Ordering {
  const { alias, date, rank } = columns;
  const field = order?.field ?? (text ? "RELEVANCE" : columns.dateField);
  const direction = order?.direction ?? SortDirection.DESC;
  const name = `${field}_${direction}`;
  const id = `${alias}.id`;
  switch (field) {
    case "UPDATED_AT":
      return updatedAtOrdering(alias, direction);
    case "ID":
      return { name, keys: [{ sql: id, direction }] };
    case "RELEVANCE":
      if (!text) throw badUserInput("orderBy.field", "RELEVANCE needs filter.text");
      return relevanceOrdering(`${name}:${text}`, { sql: rank, direction }, [
        { sql: date, direction: SortDirection.DESC },
        { sql: id, direction: SortDirection.ASC },
      ]);
    default:
      return {
        name,
        keys: [
          { sql: date, direction },
          { sql: id, direction },
        ],
      };
  }
}
