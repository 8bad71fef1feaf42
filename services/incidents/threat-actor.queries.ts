import type { DataSource } from "typeorm";
import { containsPattern, namesMatchSql, searchText, whereAnyOf } from "../kit/filters";
import { type ListFilter, recordList } from "../kit/lists";
import { type NameOrder, nameOrdering } from "../kit/ordering";
import { type Ordering, SortDirection, relevanceOrdering } from "../kit/pagination";
import { IncidentActor } from "./incident-actor";
import { ThreatActor, ThreatActorConnection } from "./threat-actor";
import type { ThreatActorFilter } from "./threat-actor.inputs";

/** In the order the incident lists them (`incident_actor.position`, alias `sa`). */
export const AS_SUSPECTED: Ordering = {
  name: "POSITION",
  keys: [{ sql: "sa.position", direction: "ASC" }],
};

/** Narrows `query` (alias `a`) to the threat actors matching `filter`. */
const applyThreatActorFilter: ListFilter<ThreatActorFilter> = (query, filter) => {
  whereAnyOf(query, "a.id", "ids", filter.ids);
  whereAnyOf(query, "a.kind", "kinds", filter.kinds);
  whereAnyOf(query, "a.sponsor_state_id", "sponsorStateIds", filter.sponsorStateIds);
  whereAnyOf(query, "a.suspected_origin_id", "suspectedOrigin", filter.suspectedOrigin);
  // `&&` on the generated arrays: their GIN indexes answer it.
  if (filter.aliasNamedBy) {
    query.andWhere("a.alias_named_by && :namedBy", {
      namedBy: filter.aliasNamedBy.map((name) => name.toLowerCase()),
    });
  }
  if (filter.externalIdSystems) {
    query.andWhere("a.external_systems && :systems", { systems: filter.externalIdSystems });
  }
  const text = searchText(filter.text, "filter.text");
  if (text) {
    query.andWhere(namesMatchSql("incidents", "a.search_names", text), {
      text,
      pattern: containsPattern(text),
    });
  }
};

/**
 * By name, or, when `filter.text` searches and no order is asked for, best match first: among
 * ~1,000 actors "Volt Typhoon" also resembles every other "... Typhoon", and by name alone the
 * actor that carries it could be on a later page.
 */
function threatActorOrdering(
  order: NameOrder | undefined,
  filter: ThreatActorFilter | undefined,
): Ordering {
  const text = searchText(filter?.text, "filter.text");
  if (order || !text) return nameOrdering("a", order);
  return relevanceOrdering(
    `RELEVANCE:${text}`,
    // :text is bound by the filter, which every query ordered this way applies. Rounded: a
    // numeric compares exactly with the value a cursor carries back.
    {
      sql: "round(word_similarity(incidents.f_unaccent(lower(:text)), a.search_names)::numeric, 4)",
      direction: SortDirection.DESC,
    },
    [
      { sql: "a.name", direction: SortDirection.ASC },
      { sql: "a.id", direction: SortDirection.ASC },
    ],
  );
}

/** Threat actors, by name, or best match first when `filter.text` searches. */
export const threatActorList = recordList({
  entity: ThreatActor,
  alias: "a",
  connection: ThreatActorConnection,
  filter: applyThreatActorFilter,
  ordering: threatActorOrdering,
});

/** Threat actors (alias `a`) with their suspected-of links (alias `sa`). */
export function suspectedActorQuery(db: DataSource) {
  return db
    .getRepository(ThreatActor)
    .createQueryBuilder("a")
    .innerJoin(IncidentActor, "sa", "sa.actor_id = a.id");
}
