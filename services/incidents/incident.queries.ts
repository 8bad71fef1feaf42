import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badUserInput } from "../../platform/errors";
import {
  containsPattern,
  namesMatchSql,
  searchText,
  whereAnyOf,
  whereWithin,
} from "../kit/filters";
import { recordList } from "../kit/lists";
import { type Ordering, SortDirection, relevanceOrdering } from "../kit/pagination";
import { Incident, IncidentConnection } from "./incident";
import { type IncidentFilter, type IncidentOrder, IncidentOrderField } from "./incident.inputs";

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
      `(${namesMatchSql("incidents", "i.search_names", text)}
        OR i.search @@ incidents.search_query(:text))`,
      { text, pattern: containsPattern(text) },
    );
  }
}

/** When an incident happened, for sorting: never NULL (undated incidents sort as oldest). */
const OCCURRED_SORT = "coalesce(i.occurred_on, DATE '0001-01-01')";

/**
 * How well an incident matches `:text` (bound by the filter): a name or alias holding the words
 * (up to 1) outweighs the summary's rank (well under 1). Rounded: a numeric compares exactly
 * with the value a cursor carries back.
 */
const INCIDENT_RANK = `round((word_similarity(incidents.f_unaccent(lower(:text)), i.search_names)
  + ts_rank(i.search, incidents.search_query(:text)))::numeric, 4)`;

/** Most recent first, or best match first when searching, unless `order` says otherwise. */
function incidentOrdering(order: IncidentOrder | undefined, filter?: IncidentFilter): Ordering {
  const text = searchText(filter?.text, "filter.text");
  const field =
    order?.field ?? (text ? IncidentOrderField.RELEVANCE : IncidentOrderField.OCCURRED_AT);
  const descending = field === IncidentOrderField.OCCURRED_AT;
  const direction = order?.direction ?? (descending ? SortDirection.DESC : SortDirection.ASC);
  if (field === IncidentOrderField.RELEVANCE)
    return incidentRelevance(text, order?.direction ?? SortDirection.DESC);
  const first = {
    [IncidentOrderField.OCCURRED_AT]: [{ sql: OCCURRED_SORT, direction }],
    [IncidentOrderField.NAME]: [{ sql: "i.name", direction }],
    [IncidentOrderField.ID]: [],
    [IncidentOrderField.UPDATED_AT]: [{ sql: "i.updated_at", direction }],
  }[field];
  return { name: `${field}_${direction}`, keys: [...first, { sql: "i.id", direction }] };
}

/** Best match first (unless `direction` is ASC); equally good matches most recent first. */
function incidentRelevance(text: string | undefined, direction: SortDirection): Ordering {
  if (!text) throw badUserInput("orderBy.field", "RELEVANCE needs filter.text");
  return relevanceOrdering(`RELEVANCE_${direction}:${text}`, { sql: INCIDENT_RANK, direction }, [
    { sql: OCCURRED_SORT, direction: SortDirection.DESC },
    { sql: "i.id", direction: SortDirection.ASC },
  ]);
}

/** Incidents, most recent first, or best match first when `filter.text` searches. */
export const incidentList = recordList({
  entity: Incident,
  alias: "i",
  connection: IncidentConnection,
  filter: applyIncidentFilter,
  ordering: incidentOrdering,
});
