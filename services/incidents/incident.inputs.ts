import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { ConnectionArgs } from "../kit/connection";
import {
  DateRangeInput,
  MAX_FILTER_VALUES,
  containsPattern,
  dateRangeBounds,
  searchText,
  whereAnyOf,
} from "../kit/filters";
import {
  DateField,
  EnumField,
  EnumListField,
  IdField,
  IdListField,
  NestedField,
  NestedListField,
  SourcesField,
  TextField,
  TextListField,
} from "../kit/inputs";
import { type Ordering, SortDirection } from "../kit/pagination";
import { IncidentKind } from "./enums";

export const MAX_INCIDENT_ALIASES = 100;
export const MAX_SECTORS = 50;
export const MAX_TARGETED_COUNTRIES = 250;
export const MAX_CVES = 200;
export const MAX_SUSPECTED_ACTORS = 50;
export const MAX_TIMELINE_EVENTS = 100;

const SECTOR = {
  regex: /^[a-z][a-z0-9 -]*$/,
  rule: "must be lowercase words: letters, digits, spaces and hyphens, starting with a letter",
};
const CVE = { regex: /^CVE-\d{4}-\d{4,}$/, rule: 'must be a CVE id such as "CVE-2021-26855"' };

@InputType({ description: "Every field narrows the list; a list field matches any of its values." })
export class IncidentFilter {
  @IdListField({ nullable: true, description: "These incidents.", maxItems: MAX_FILTER_VALUES })
  ids?: string[];

  @EnumListField(() => IncidentKind, {
    nullable: true,
    description: "Of these kinds.",
    maxItems: 10,
  })
  kinds?: IncidentKind[];

  @IdListField({
    nullable: true,
    description: "Incidents any of these threat actors is suspected of.",
    maxItems: MAX_FILTER_VALUES,
  })
  actorIds?: string[];

  @IdListField({
    nullable: true,
    description: "Incidents targeting any of these governments.",
    maxItems: MAX_FILTER_VALUES,
  })
  targetedCountryIds?: string[];

  @TextListField({
    nullable: true,
    description: 'Incidents targeting any of these sectors, case ignored: "defense", "health".',
    maxItems: MAX_FILTER_VALUES,
    maxLength: 100,
  })
  sectors?: string[];

  @TextListField({
    nullable: true,
    description:
      'Incidents exploiting any of these vulnerabilities, case ignored: "CVE-2021-26855".',
    maxItems: MAX_FILTER_VALUES,
    maxLength: 30,
  })
  cves?: string[];

  @NestedField(() => DateRangeInput, {
    nullable: true,
    description: "First observed (else disclosed) in this period.",
  })
  occurredBetween?: DateRangeInput;

  @TextField({
    nullable: true,
    description:
      "Name or alias (accents ignored, typos tolerated), or words of the summary: " +
      '"ProxyLogon", "exchange".',
    maxLength: 200,
  })
  text?: string;
}

/** Narrows `query` (alias `i`) to the incidents matching `filter`. */
export function applyIncidentFilter(
  query: SelectQueryBuilder<ObjectLiteral>,
  filter: IncidentFilter,
) {
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

export enum IncidentOrderField {
  OCCURRED_AT = "OCCURRED_AT",
  NAME = "NAME",
  ID = "ID",
}
registerEnumType(IncidentOrderField, {
  name: "IncidentOrderField",
  description: "What to order incidents by.",
  valuesConfig: {
    OCCURRED_AT: {
      description:
        "By when it happened: first observed, else disclosed (undated incidents count as oldest), then id. The default.",
    },
    NAME: { description: "By name, then id." },
    ID: { description: "By id (slug)." },
  },
});

@InputType({ description: "Most recent first by default." })
export class IncidentOrder {
  @Field(() => IncidentOrderField, { description: "What to order by." })
  field: IncidentOrderField;

  @Field(() => SortDirection, {
    nullable: true,
    description: "DESC for OCCURRED_AT (most recent first), ASC for NAME and ID, unless given.",
  })
  direction?: SortDirection | null;
}

/** When an incident happened, for sorting: never NULL (undated incidents sort as oldest). */
const OCCURRED_SORT = "coalesce(i.occurred_on, DATE '0001-01-01')";

/** Most recent first unless `order` says otherwise (alias `i`). */
export function incidentOrdering(order: IncidentOrder | undefined): Ordering {
  const field = order?.field ?? IncidentOrderField.OCCURRED_AT;
  const direction =
    order?.direction ??
    (field === IncidentOrderField.OCCURRED_AT ? SortDirection.DESC : SortDirection.ASC);
  const first = {
    [IncidentOrderField.OCCURRED_AT]: [{ sql: OCCURRED_SORT, direction }],
    [IncidentOrderField.NAME]: [{ sql: "i.name", direction }],
    [IncidentOrderField.ID]: [],
  }[field];
  return { name: `${field}_${direction}`, keys: [...first, { sql: "i.id", direction }] };
}

@ArgsType()
export class IncidentListArgs extends ConnectionArgs {
  @NestedField(() => IncidentFilter, {
    nullable: true,
    description: "Only the items matching this.",
  })
  filter?: IncidentFilter;

  @NestedField(() => IncidentOrder, { nullable: true, description: "Order of the items." })
  orderBy?: IncidentOrder;
}

@InputType({ description: "A dated step of an incident, as part of `IncidentInput`." })
export class TimelineEventInput {
  @DateField({ description: "When it happened, as precise as known." })
  date: string;

  @TextField({ description: "What happened.", maxLength: 2000 })
  description: string;

  @SourcesField()
  sources: string[];
}

@InputType({
  description:
    "An incident as `upsertIncident` writes it, with its suspected actors and timeline (the bundle format of data/).",
})
export class IncidentInput {
  @IdField({ description: 'Readable slug, the record\'s key: "microsoft-exchange-2021".' })
  id: string;

  @TextField({
    description: 'Descriptive name: "Microsoft Exchange Server compromise (2021)".',
    maxLength: 300,
  })
  name: string;

  @TextListField({
    nullable: true,
    description: 'Other names: "ProxyLogon".',
    maxItems: MAX_INCIDENT_ALIASES,
    maxLength: 200,
  })
  aliases?: string[] | null;

  @EnumField(() => IncidentKind, { description: "What the operation did." })
  kind: IncidentKind;

  @TextField({ nullable: true, description: "What happened, in brief.", maxLength: 5000 })
  summary?: string | null;

  @DateField({ nullable: true, description: "When the activity began." })
  firstObserved?: string | null;

  @DateField({ nullable: true, description: "When it was made public." })
  disclosed?: string | null;

  @DateField({
    nullable: true,
    description: "When the activity stopped; not before `firstObserved`.",
  })
  ended?: string | null;

  @TextField({
    nullable: true,
    description: 'Impact as stated by the source: "tens of thousands of accounts".',
    maxLength: 2000,
  })
  impact?: string | null;

  @TextListField({
    nullable: true,
    description: 'Targeted sectors, lowercase: "defense", "health".',
    maxItems: MAX_SECTORS,
    maxLength: 100,
    pattern: SECTOR,
  })
  sectors?: string[] | null;

  @IdListField({
    nullable: true,
    description: "Countries (or unions) targeted: Government ids, not checked here.",
    maxItems: MAX_TARGETED_COUNTRIES,
  })
  targetedCountries?: string[] | null;

  @TextListField({
    nullable: true,
    description: 'Exploited vulnerabilities: "CVE-2021-26855".',
    maxItems: MAX_CVES,
    maxLength: 30,
    pattern: CVE,
  })
  cves?: string[] | null;

  @IdListField({
    nullable: true,
    description: "Threat actors suspected of it, in the order the sources give; each must exist.",
    maxItems: MAX_SUSPECTED_ACTORS,
  })
  suspectedActors?: string[] | null;

  @NestedListField(() => TimelineEventInput, {
    nullable: true,
    description: "What happened when, oldest first.",
    maxItems: MAX_TIMELINE_EVENTS,
  })
  timeline?: TimelineEventInput[] | null;

  @SourcesField()
  sources: string[];
}
