import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { containsPattern, searchText, whereAnyOf, whereWithin } from "../kit/filters";
import { recordList } from "../kit/lists";
import { type Ordering, SortDirection } from "../kit/pagination";
import { Incident, IncidentConnection } from "./incident";
import {
  type IncidentFilter,
  type IncidentListArgs,
  type IncidentOrder,
  IncidentOrderField,
} from "./incident.inputs";

/** Narrows `query` (alias `i`) to the incidents matching `filter`. */
function applyIncidentFilter(query: SelectQueryBuilder<ObjectLiteral>, filter: IncidentFilter) {
  const overlaps = (column: string, name: string, values?: string[]) => {
    if (values) query.andWhere(`${column} && :${name}`, { [name]: values });
  };
  whereAnyOf(query, "i.id", "ids", filter.ids);
  whereAnyOf(query, "i.kind", "kinds", filter.kinds);
  overlaps("i.targeted_country_ids", "countryIds", filter.targetedCountryIds);
  overlaps(
    "i.sectors",
    "sectors",
    filter.sectors?.map((sector) => sector.toLowerCase()),
  );
  overlaps(
    "i.cves",
    "cves",
    filter.cves?.map((cve) => cve.toUpperCase()),
  );
  if (filter.actorIds) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM incidents.incident_actor fa
               WHERE fa.incident_id = i.id AND fa.actor_id = ANY(:actorIds))`,
      { actorIds: filter.actorIds },
    );
  }
  whereWithin(query, "i.occurred_on", filter.occurredBetween, "filter.occurredBetween");
  const text = searchText(filter.text, "filter.text");
  if (text) {
    query.andWhere(
      `(i.search_names ILIKE incidents.f_unaccent(:pattern)
        OR incidents.f_unaccent(lower(:text)) <% i.search_names
        OR i.search @@ incidents.search_query(:text))`,
      { text, pattern: containsPattern(text) },
    );
  }
}

/** When an incident happened, for sorting: never NULL (undated incidents sort as oldest). */
const OCCURRED_SORT = "coalesce(i.occurred_on, DATE '0001-01-01')";

/** Most recent first unless `order` says otherwise (alias `i`). */
function incidentOrdering(order: IncidentOrder | undefined): Ordering {
  const field = order?.field ?? IncidentOrderField.OCCURRED_AT;
  const direction =
    order?.direction ??
    (field === IncidentOrderField.OCCURRED_AT ? SortDirection.DESC : SortDirection.ASC);
  const first = {
    [IncidentOrderField.OCCURRED_AT]: [{ sql: OCCURRED_SORT, direction }],
    [IncidentOrderField.NAME]: [{ sql: "i.name", direction }],
    [IncidentOrderField.ID]: [],
    [IncidentOrderField.UPDATED_AT]: [{ sql: "i.updated_at", direction }],
  }[field];
  return { name: `${field}_${direction}`, keys: [...first, { sql: "i.id", direction }] };
}

/** Incidents, most recent first by default. */
export const incidentList = recordList({
  entity: Incident,
  alias: "i",
  connection: IncidentConnection,
  filter: applyIncidentFilter,
  ordering: (args: IncidentListArgs) => incidentOrdering(args.orderBy),
});
