import { Field, ID, InputType } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import {
  DateRangeInput,
  containsPattern,
  dateRangeBounds,
  searchText,
  whereAnyOf,
} from "../common/filters";
import type { Incident } from "./entities/incident";
import { IncidentKind } from "./enums";

@InputType({ description: "Every field narrows the list; a list field matches any of its values." })
export class IncidentFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => [IncidentKind], { nullable: true })
  kinds?: IncidentKind[];

  @Field(() => [ID], {
    nullable: true,
    description: "Incidents any of these threat actors is suspected of.",
  })
  actorIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "Incidents targeting any of these governments.",
  })
  targetedCountryIds?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Incidents targeting any of these sectors: "defense", "health".',
  })
  sectors?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Incidents exploiting any of these vulnerabilities: "CVE-2021-26855".',
  })
  cves?: string[];

  @Field(() => DateRangeInput, {
    nullable: true,
    description: "First observed (else disclosed) in this period.",
  })
  occurredBetween?: DateRangeInput;

  @Field(() => String, {
    nullable: true,
    description:
      "Name or alias (accents ignored, typos tolerated), or words of the summary: " +
      '"ProxyLogon", "exchange".',
  })
  text?: string;
}

export function applyIncidentFilter(query: SelectQueryBuilder<Incident>, filter: IncidentFilter) {
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
      `EXISTS (SELECT 1 FROM incidents.incident_actor ia
               WHERE ia.incident_id = i.id AND ia.actor_id = ANY(:actorIds))`,
      { actorIds: filter.actorIds },
    );
  }
  if (filter.occurredBetween) {
    const { from, to } = dateRangeBounds(filter.occurredBetween, "filter.occurredBetween");
    if (from) query.andWhere("i.occurred_on >= :from", { from });
    if (to) query.andWhere("i.occurred_on <= :to", { to });
  }
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
