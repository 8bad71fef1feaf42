import type { ConnectionArgs } from "../kit/connection";
import { containsPattern, likeSubject, searchText, whereAnyOf, whereWithin } from "../kit/filters";
import { type ListFilter, recordList } from "../kit/lists";
import { datedOrdering } from "../kit/ordering";
import { referencePage } from "../kit/references";
import type { Context } from "./context";
import { LegalAction, LegalActionConnection } from "./legal-action";
import { type LegalActionFilter, LegalActionOrderField } from "./legal-action.inputs";
import {
  IncidentConnection,
  IncidentRef,
  ThreatActorConnection,
  ThreatActorRef,
} from "./references";

const SEARCH_QUERY = "legal.search_query(:text)";
const DEFENDANTS_WHERE = (condition: string) =>
  `l.id IN (SELECT d.legal_action_id FROM legal.defendant d WHERE ${condition})`;

/** Narrows `query` (alias `l`) to the legal actions matching `filter`. */
const applyLegalActionFilter: ListFilter<LegalActionFilter> = (query, filter, use) => {
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
  whereWithin(query, "l.dated_on", filter.announcedBetween, "filter.announcedBetween");
  const text = searchText(filter.text, "filter.text");
  if (text && use?.firstMatches) {
    // A row's condition (its parts' words are on the row): walked in the list's order, or
    // looked up by three indexes, as PostgreSQL plans the cut (`firstMatches`).
    query.andWhere(
      `(l.search @@ ${SEARCH_QUERY} OR l.parts_search @@ ${SEARCH_QUERY}
        OR ${likeSubject("l.defendant_names", text)} ILIKE legal.f_unaccent(:pattern))`,
      { text, pattern: containsPattern(text) },
    );
  } else if (text) {
    query.andWhere(
      // A UNION of index scans: an OR over the three tables would read every legal action.
      `l.id IN (SELECT id FROM legal.legal_action WHERE search @@ ${SEARCH_QUERY}
         UNION SELECT legal_action_id FROM legal.charge WHERE search @@ ${SEARCH_QUERY}
         UNION SELECT legal_action_id FROM legal.defendant WHERE search @@ ${SEARCH_QUERY}
           OR legal.f_unaccent(name) ILIKE legal.f_unaccent(:pattern))`,
      { text, pattern: containsPattern(text) },
    );
  }
};

/**
 * How well a legal action matches `:text` (bound by the filter): a defendant named so counts as a
 * full match; otherwise the best rank of its text, charges and defendants. Rounded: a numeric
 * compares exactly with the value a cursor carries back.
 */
const LEGAL_ACTION_RANK = `round(greatest(ts_rank(l.search, ${SEARCH_QUERY}),
  coalesce((SELECT max(ts_rank(rc.search, ${SEARCH_QUERY})) FROM legal.charge rc
            WHERE rc.legal_action_id = l.id), 0),
  coalesce((SELECT max(CASE WHEN legal.f_unaccent(rd.name) ILIKE legal.f_unaccent(:pattern)
                       THEN 1 ELSE ts_rank(rd.search, ${SEARCH_QUERY}) END)
            FROM legal.defendant rd WHERE rd.legal_action_id = l.id), 0))::numeric, 4)`;

/** Legal actions, newest first, or best match first when `filter.text` searches. */
export const legalActionList = recordList({
  entity: LegalAction,
  alias: "l",
  connection: LegalActionConnection,
  filter: applyLegalActionFilter,
  ordering: datedOrdering({
    alias: "l",
    dateField: LegalActionOrderField.ANNOUNCED_AT,
    // Never NULL (see the migration): undated actions have DATE '0001-01-01'.
    date: "l.dated_on",
    rank: LEGAL_ACTION_RANK,
  }),
});

/** The incidents a legal action is about, in the order of the record. */
export function relatedIncidents(ctx: Context, action: LegalAction, args: ConnectionArgs) {
  return referencePage(
    IncidentConnection,
    IncidentRef,
    action.relatedIncidentIds,
    args,
    ctx.budget,
  );
}

/** The threat actors a legal action names, in the order of the record. */
export function relatedActors(ctx: Context, action: LegalAction, args: ConnectionArgs) {
  return referencePage(
    ThreatActorConnection,
    ThreatActorRef,
    action.relatedActorIds,
    args,
    ctx.budget,
  );
}
