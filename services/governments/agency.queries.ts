import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { containsPattern, searchText, whereAnyOf } from "../kit/filters";
import { recordList } from "../kit/lists";
import { byName } from "../kit/ordering";
import { Agency, AgencyConnection } from "./agency";
import type { AgencyFilter } from "./agency.inputs";

/** Narrows `query` (alias `ag`) to the agencies matching `filter`. */
function applyAgencyFilter(query: SelectQueryBuilder<ObjectLiteral>, filter: AgencyFilter) {
  whereAnyOf(query, "ag.id", "ids", filter.ids);
  whereAnyOf(query, "ag.government_id", "governmentIds", filter.governmentIds);
  whereAnyOf(query, "ag.kind", "kinds", filter.kinds);
  const text = searchText(filter.text, "filter.text");
  if (text) {
    query.andWhere(
      "(governments.f_unaccent(ag.name) ILIKE governments.f_unaccent(:pattern) OR ag.acronym ILIKE :pattern)",
      { pattern: containsPattern(text) },
    );
  }
}

/** Agencies, by name by default. */
export const agencyList = recordList({
  entity: Agency,
  alias: "ag",
  connection: AgencyConnection,
  filter: applyAgencyFilter,
  ordering: byName,
});
