import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { containsPattern, searchText, whereAnyOf, withFilter } from "../kit/filters";
import { nameOrdering } from "../kit/ordering";
import { paginate, pageWindow } from "../kit/pagination";
import { Agency, AgencyConnection } from "./agency";
import type { AgencyFilter, AgencyListArgs } from "./agency.inputs";
import type { Context } from "./context";

/** Narrows `query` (alias `ag`) to the agencies matching `filter`. */
export function applyAgencyFilter(query: SelectQueryBuilder<ObjectLiteral>, filter: AgencyFilter) {
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

/** The agencies `filter` admits (alias `ag`). */
export function agencyQuery(db: DataSource, filter: AgencyFilter | undefined) {
  return withFilter(db.getRepository(Agency).createQueryBuilder("ag"), applyAgencyFilter, filter);
}

/** `agencies(filter:, orderBy:)`: by name by default. */
export function listAgencies(ctx: Context, args: AgencyListArgs) {
  return paginate(
    AgencyConnection,
    agencyQuery(ctx.db, args.filter),
    pageWindow(args, nameOrdering("ag", args.orderBy)),
    ctx.budget,
  );
}
