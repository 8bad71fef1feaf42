import { Field } from "type-graphql";
import { DateRangeInput, Filter, FilterInput } from "../kit/filters";
import { LOWERCASE_WORDS, SourcesField } from "../kit/inputs";
import { Enum, Id, Input, Name, Optional, PartialDate, Text } from "../kit/input-fields";
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

const CVE = { regex: /^CVE-\d{4}-\d{4,}$/, rule: 'must be a CVE id such as "CVE-2021-26855"' };

@FilterInput()
export class IncidentFilter extends RecordFilter {
  @Filter.Ids("These incidents.") ids?: string[];

  @Filter.Enums(IncidentKind, "Of these kinds.", 10) kinds?: IncidentKind[];

  @Filter.Ids("Incidents any of these threat actors is suspected of.") actorIds?: string[];

  @Filter.Ids("Incidents targeting any of these governments.") targetedCountryIds?: string[];

  @Filter.Texts('Incidents targeting any of these sectors, case ignored: "defense", "health".', 100)
  sectors?: string[];

  @Filter.Texts(
    'Incidents exploiting any of these vulnerabilities, case ignored: "CVE-2021-26855".',
    30,
  )
  cves?: string[];

  @Filter.Period("First observed (else disclosed) in this period.")
  occurredBetween?: DateRangeInput;

  @Filter.Search(
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

@Input("Most recent first by default; best match first when searching text.")
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

@Input("A dated step of an incident, as part of `IncidentInput`.")
export class TimelineEventInput {
  @PartialDate("When it happened, as precise as known.") date: string;

  @Text(2000, "What happened.") description: string;

  @SourcesField() sources: string[];
}

@Input(
  "An incident as `upsertIncident` writes it, with its suspected actors and timeline (the bundle format of data/).",
)
export class IncidentInput {
  @Id('Readable slug, the record\'s key: "microsoft-exchange-2021".') id: string;

  @Name(300, 'Descriptive name: "Microsoft Exchange Server compromise (2021)".') name: string;

  @Optional.NameList(MAX_INCIDENT_ALIASES, 200, 'Other names: "ProxyLogon".')
  aliases?: string[] | null;

  @Enum(IncidentKind, "What the operation did.") kind: IncidentKind;

  @Optional.Text(5000, "What happened, in brief.") summary?: string | null;

  @Optional.PartialDate("When the activity began.") firstObserved?: string | null;

  @Optional.PartialDate("When it was made public.") disclosed?: string | null;

  @Optional.PartialDate("When the activity stopped; not before `firstObserved`.")
  ended?: string | null;

  @Optional.Text(2000, 'Impact as stated by the source: "tens of thousands of accounts".')
  impact?: string | null;

  @Optional.TextList(
    MAX_SECTORS,
    100,
    'Targeted sectors, lowercase: "defense", "health".',
    LOWERCASE_WORDS,
  )
  sectors?: string[] | null;

  @Optional.IdList(
    MAX_TARGETED_COUNTRIES,
    "Countries (or unions) targeted: Government ids, not checked here.",
  )
  targetedCountries?: string[] | null;

  @Optional.TextList(MAX_CVES, 30, 'Exploited vulnerabilities: "CVE-2021-26855".', CVE)
  cves?: string[] | null;

  @Optional.IdList(
    MAX_SUSPECTED_ACTORS,
    "Threat actors suspected of it, in the order the sources give; each must exist.",
  )
  suspectedActors?: string[] | null;

  @Optional.NestedList(TimelineEventInput, MAX_TIMELINE_EVENTS, "What happened when, oldest first.")
  timeline?: TimelineEventInput[] | null;

  @SourcesField() sources: string[];
}
