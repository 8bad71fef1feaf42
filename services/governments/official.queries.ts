import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { containsPattern, searchText, whereAnyOf } from "../kit/filters";
import { recordList } from "../kit/lists";
import { byName } from "../kit/ordering";
import { Official, OfficialConnection } from "./official";
import type { OfficialFilter } from "./official.inputs";

/** Narrows `query` (alias `o`) to the officials matching `filter`. */
function applyOfficialFilter(query: SelectQueryBuilder<ObjectLiteral>, filter: OfficialFilter) {
  whereAnyOf(query, "o.id", "ids", filter.ids);
  for (const [column, name] of [
    ["government_id", "governmentIds"],
    ["agency_id", "agencyIds"],
  ] as const) {
    if (filter[name]) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM governments.official_role r WHERE r.official_id = o.id AND r.${column} = ANY(:${name}))`,
        { [name]: filter[name] },
      );
    }
  }
  const text = searchText(filter.text, "filter.text");
  if (text) {
    query.andWhere("governments.f_unaccent(o.name) ILIKE governments.f_unaccent(:pattern)", {
      pattern: containsPattern(text),
    });
  }
}

/** Officials, by name by default. */
export const officialList = recordList({
  entity: Official,
  alias: "o",
  connection: OfficialConnection,
  filter: applyOfficialFilter,
  ordering: byName,
});
