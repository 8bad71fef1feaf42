import type { SelectQueryBuilder } from "typeorm";
import { containsPattern, dateRangeBounds, searchText, whereAnyOf } from "../common/filters";
import { type Ordering, SortDirection } from "../common/pagination";
import type { LegalAction } from "./entities/legal-action";
import {
  type LegalActionFilter,
  type LegalActionOrder,
  LegalActionOrderField,
} from "./legal-action.inputs";

const SEARCH_QUERY = "legal.search_query(:text)";
const DEFENDANTS_WHERE = (condition: string) =>
  `l.id IN (SELECT d.legal_action_id FROM legal.defendant d WHERE ${condition})`;

/** Narrows `query` (alias `l`) to the legal actions matching `filter`. */
export function applyLegalActionFilter(
  query: SelectQueryBuilder<LegalAction>,
  filter: LegalActionFilter,
): void {
  whereAnyOf(query, "l.id", "ids", filter.ids);
  whereAnyOf(query, "l.kind", "kinds", filter.kinds);
  whereAnyOf(query, "l.status", "statuses", filter.statuses);
  whereAnyOf(query, "l.jurisdiction_id", "jurisdictionIds", filter.jurisdictionIds);
  whereAnyOf(query, "l.authority_id", "authorityIds", filter.authorityIds);
  if (filter.incidentIds) {
    query.andWhere("l.related_incident_ids && :incidentIds", { incidentIds: filter.incidentIds });
  }
  if (filter.actorIds) {
    query.andWhere(
      `(l.related_actor_ids && :actorIds OR ${DEFENDANTS_WHERE("d.affiliated_actor_id = ANY(:actorIds)")})`,
      { actorIds: filter.actorIds },
    );
  }
  if (filter.defendantNationalityIds) {
    query.andWhere(DEFENDANTS_WHERE("d.nationality_id = ANY(:nationalityIds)"), {
      nationalityIds: filter.defendantNationalityIds,
    });
  }
  if (filter.announcedBetween) {
    const { from, to } = dateRangeBounds(filter.announcedBetween, "filter.announcedBetween");
    if (from) query.andWhere("l.dated_on >= :from", { from });
    if (to) query.andWhere("l.dated_on <= :to", { to });
  }
  const text = searchText(filter.text, "filter.text");
  if (text) {
    query.andWhere(
      `(l.search @@ ${SEARCH_QUERY}
        OR l.id IN (SELECT c.legal_action_id FROM legal.charge c WHERE c.search @@ ${SEARCH_QUERY})
        OR ${DEFENDANTS_WHERE(`d.search @@ ${SEARCH_QUERY} OR legal.f_unaccent(d.name) ILIKE legal.f_unaccent(:pattern)`)})`,
      { text, pattern: containsPattern(text) },
    );
  }
}

export function legalActionOrdering(order?: LegalActionOrder): Ordering {
  const field = order?.field ?? LegalActionOrderField.ANNOUNCED_AT;
  const direction = order?.direction ?? SortDirection.DESC;
  const name = `${field}_${direction}`;
  switch (field) {
    case LegalActionOrderField.ID:
      return { name, keys: [{ sql: "l.id", direction }] };
    case LegalActionOrderField.ANNOUNCED_AT:
      return {
        name,
        keys: [
          { sql: "l.dated_on", direction },
          { sql: "l.id", direction },
        ],
      };
  }
}
