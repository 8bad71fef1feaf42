import { Field, InputType } from "type-graphql";
import {
  DateRangeInput,
  FilterInput,
  IdsFilter,
  EnumsFilter,
  TextsFilter,
  PeriodFilter,
  SearchFilter,
} from "../kit/filters";
import {
  DateField,
  EnumField,
  IdField,
  IdListField,
  NameField,
  NameListField,
  NestedListField,
  SourcesField,
  TextField,
  TextListField,
} from "../kit/inputs";
import { SortDirection } from "../kit/pagination";
import { IncidentKind } from "./enums";
import type { EnumValue } from "../kit/enums";
import { orderFields } from "../kit/ordering";
import { ListArgs } from "../kit/lists";
import { RecordFilter } from "../kit/record-time";

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

@FilterInput()
export class IncidentFilter extends RecordFilter {
  @IdsFilter("These incidents.")
  ids?: string[];

  @EnumsFilter(() => IncidentKind, "Of these kinds.", 10)
  kinds?: IncidentKind[];

  @IdsFilter("Incidents any of these threat actors is suspected of.")
  actorIds?: string[];

  @IdsFilter("Incidents targeting any of these governments.")
  targetedCountryIds?: string[];

  @TextsFilter('Incidents targeting any of these sectors, case ignored: "defense", "health".', 100)
  sectors?: string[];

  @TextsFilter(
    'Incidents exploiting any of these vulnerabilities, case ignored: "CVE-2021-26855".',
    30,
  )
  cves?: string[];

  @PeriodFilter("First observed (else disclosed) in this period.")
  occurredBetween?: DateRangeInput;

  @SearchFilter(
    "Name or alias (accents ignored, typos tolerated), or words of the summary: " +
      '"ProxyLogon", "exchange".',
  )
  text?: string;
}

export const IncidentOrderField = orderFields("Incident", "What to order incidents by.", {
  OCCURRED_AT:
    "By when it happened: first observed, else disclosed (undated incidents count as oldest), then id. The default.",
  NAME: "By name, then id.",
  ID: "By id (slug).",
  RELEVANCE:
    "By how well they match `filter.text` (name and aliases first, then the summary), then most recent first. The default with `filter.text`.",
});
export type IncidentOrderField = EnumValue<typeof IncidentOrderField>;

@InputType({ description: "Most recent first by default; best match first when searching text." })
export class IncidentOrder {
  @Field(() => IncidentOrderField, { description: "What to order by." })
  field: IncidentOrderField;

  @Field(() => SortDirection, {
    nullable: true,
    description:
      "DESC for OCCURRED_AT (most recent first) and RELEVANCE (best first), ASC for NAME and ID, unless given.",
  })
  direction?: SortDirection | null;
}

export const IncidentListArgs = ListArgs(IncidentFilter, IncidentOrder);
export type IncidentListArgs = InstanceType<typeof IncidentListArgs>;

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

  @NameField({
    description: 'Descriptive name: "Microsoft Exchange Server compromise (2021)".',
    maxLength: 300,
  })
  name: string;

  @NameListField({
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
