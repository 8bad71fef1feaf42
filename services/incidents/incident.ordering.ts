import { Field, InputType, registerEnumType } from "type-graphql";
import { type Ordering, SortDirection } from "../common/pagination";

export enum IncidentOrderField {
  OCCURRED_AT = "OCCURRED_AT",
  NAME = "NAME",
  ID = "ID",
}
registerEnumType(IncidentOrderField, {
  name: "IncidentOrderField",
  description: "OCCURRED_AT is the first observed date, else the disclosure date.",
});

@InputType({ description: "Most recent first by default." })
export class IncidentOrder {
  @Field(() => IncidentOrderField)
  field: IncidentOrderField;

  @Field(() => SortDirection, {
    nullable: true,
    description: "DESC for OCCURRED_AT (most recent first), ASC for NAME and ID, unless given.",
  })
  direction?: SortDirection | null;
}

/** When an incident happened, for sorting: never NULL (undated incidents sort as oldest). */
export const occurredSort = (alias: string) => `coalesce(${alias}.occurred_on, DATE '0001-01-01')`;

export function incidentOrdering(alias: string, order?: IncidentOrder): Ordering {
  const field = order?.field ?? IncidentOrderField.OCCURRED_AT;
  const direction =
    order?.direction ??
    (field === IncidentOrderField.OCCURRED_AT ? SortDirection.DESC : SortDirection.ASC);
  const id = { sql: `${alias}.id`, direction };
  const first = {
    [IncidentOrderField.OCCURRED_AT]: [{ sql: occurredSort(alias), direction }],
    [IncidentOrderField.NAME]: [{ sql: `${alias}.name`, direction }],
    [IncidentOrderField.ID]: [],
  }[field];
  return { name: `${field}_${direction}`, keys: [...first, id] };
}
