import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { ConnectionArgs } from "../kit/connection";
import { containsPattern, searchText, whereAnyOf } from "../kit/filters";
import { recordList } from "../kit/lists";
import { loadAll } from "../kit/loaders";
import { byName } from "../kit/ordering";
import { arrayConnection, arrayWindow } from "../kit/pagination";
import type { Context } from "./context";
import { Government, GovernmentConnection } from "./government";
import type { GovernmentFilter } from "./government.inputs";

/** Narrows `query` (alias `g`) to the governments matching `filter`. */
function applyGovernmentFilter(query: SelectQueryBuilder<ObjectLiteral>, filter: GovernmentFilter) {
  whereAnyOf(query, "g.id", "ids", filter.ids);
  whereAnyOf(query, "g.kind", "kinds", filter.kinds);
  if (filter.memberOf) query.andWhere(":union = ANY(g.member_of_ids)", { union: filter.memberOf });
  const text = searchText(filter.text, "filter.text");
  if (text) {
    query.andWhere("governments.f_unaccent(g.name) ILIKE governments.f_unaccent(:pattern)", {
      pattern: containsPattern(text),
    });
  }
}

/** Governments, by name by default. */
export const governmentList = recordList({
  entity: Government,
  alias: "g",
  connection: GovernmentConnection,
  filter: applyGovernmentFilter,
  ordering: byName,
});

/** Governments a record lists itself (cosigners, memberships), in its order: paged in memory. */
export async function governmentsIn(ctx: Context, ids: string[], args: ConnectionArgs) {
  const window = arrayWindow(args);
  return arrayConnection(
    GovernmentConnection,
    await loadAll(ctx.loaders.governmentById, ids),
    window,
    ctx.budget,
  );
}
