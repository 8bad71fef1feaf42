import { DateRangeInput, Filter, FilterInput } from "../kit/filters";
import { SourcesField, TextListField } from "../kit/inputs";
import { Enum, Id, Input, Name, Optional, Text } from "../kit/input-fields";
import { SortDirection } from "../kit/pagination";
import { DefendantKind, DefendantStatus, LegalActionKind, LegalActionStatus } from "./enums";
import type { EnumValue } from "../kit/enums";
import { ListArgs } from "../kit/lists";
import { recordOrder } from "../kit/ordering";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class LegalActionFilter extends RecordFilter {
  @Filter.Ids("These legal actions.") ids?: string[];

  @Filter.Enums(LegalActionKind, "Of these kinds.", 10) kinds?: LegalActionKind[];

  @Filter.Enums(LegalActionStatus, "In these statuses.", 10) statuses?: LegalActionStatus[];

  @Filter.Ids("Brought by these governments.") jurisdictionIds?: string[];

  @Filter.Ids('Brought by these agencies: "us-doj", "eu-council".') authorityIds?: string[];

  @Filter.Ids("Related to these incidents.") incidentIds?: string[];

  @Filter.Ids("Related to these threat actors, or charging one of their members.")
  actorIds?: string[];

  @Filter.Ids("With a defendant of one of these nationalities.") defendantNationalityIds?: string[];

  @Filter.Period("Announced in this period (or, when no announcement is known, unsealed or filed).")
  announcedBetween?: DateRangeInput;

  @Filter.Search(
    "Full-text search (accents ignored) over title, summary and charges, and over defendant " +
      'names, whole or in part: "Ding Xiaoyang", "Xiaoyang".',
  )
  text?: string;
}

export const { field: LegalActionOrderField, input: LegalActionOrder } = recordOrder(
  "LegalAction",
  {
    fields: "What to order legal actions by.",
    order: "Newest first by default; best match first when searching text.",
  },
  {
    ANNOUNCED_AT:
      "By the date announced, or failing that unsealed, or filed, then id (the default). Undated actions count as the oldest: last when newest first.",
    ID: "By id (slug).",
    RELEVANCE:
      "By how well they match `filter.text` (a defendant's name first), then newest first. The default with `filter.text`.",
  },
  SortDirection.DESC,
);
export type LegalActionOrderField = EnumValue<typeof LegalActionOrderField>;
export type LegalActionOrder = InstanceType<typeof LegalActionOrder>;

export const LegalActionListArgs = ListArgs(LegalActionFilter, LegalActionOrder);
export type LegalActionListArgs = InstanceType<typeof LegalActionListArgs>;

export const MAX_CHARGES = 50;
export const MAX_DEFENDANTS = 100;
export const MAX_MEASURES = 20;
export const MAX_RELATED = 50;

@Input("One charge of an indictment or complaint, as part of `LegalActionInput`.")
export class ChargeInput {
  @Optional.Name(300, 'The statute: "18 U.S.C. § 1030".') statute?: string | null;

  @Text(2000, 'The offence, as the source words it: "Conspiracy to commit computer fraud".')
  description: string;

  @Optional.Int(1, 1000, "Number of counts.") counts?: number | null;

  @Optional.Text(300, 'Maximum penalty, as stated by the source: "10 years in prison".')
  maximumPenalty?: string | null;
}

@Input("A person or organisation charged or sanctioned, as part of `LegalActionInput`.")
export class DefendantInput {
  @Name(300, 'Name as the source gives it: "Ding Xiaoyang".') name: string;

  @Optional.Enum(DefendantKind, "A person or an organisation.") kind?: DefendantKind | null;

  @Optional.Id(
    'The person (a Person id, which must exist: write it first): "ding-xiaoyang". Required when `kind` is PERSON; never for an ORGANIZATION.',
  )
  person?: string | null;

  @Optional.Id("Government of the defendant's nationality.") nationality?: string | null;

  @Optional.Id(
    "The threat actor the defendant is charged as a member of (in the incidents source).",
  )
  affiliatedActor?: string | null;

  @Optional.Name(300, 'Employer or unit as stated by the source: "GRU Unit 74455".')
  employer?: string | null;

  @Enum(DefendantStatus, "Where the defendant stands.") status: DefendantStatus;
}

@Input("A sanctions listing, as part of `LegalActionInput`.")
export class SanctionsInput {
  @Name(500, 'The legal basis: "EU cyber sanctions regime".') regime: string;

  @TextListField({
    description: 'The measures imposed, as the source words them: "asset freeze", "travel ban".',
    maxItems: MAX_MEASURES,
    minItems: 1,
    maxLength: 500,
  })
  measures: string[];
}

@Input(
  "A legal action as `upsertLegalAction` writes it, with its charges and defendants (the bundle format of data/).",
)
export class LegalActionInput {
  @Id('Readable slug, the record\'s key: "us-v-ding-xiaoyang-2021".') id: string;

  @Enum(LegalActionKind, "What the law did.") kind: LegalActionKind;

  @Name(500, 'Title as the source gives it: "United States v. Zhu Hua and Zhang Shilong".')
  title: string;

  @Optional.Text(10_000, "What the action is about, in brief.") summary?: string | null;

  @Id("The government bringing the action.") jurisdiction: string;

  @Optional.Id('The agency bringing it: "us-doj", "eu-council".') authority?: string | null;

  @Optional.Name(300, 'The court: "U.S. District Court for the Southern District of California".')
  court?: string | null;

  @Optional.Name(100, "Docket number, as the court gives it.") caseNumber?: string | null;

  @Optional.PartialDate("When the case was filed.") filed?: string | null;

  @Optional.PartialDate("When a sealed indictment or complaint was unsealed; not before `filed`.")
  unsealed?: string | null;

  @Optional.PartialDate("When it was made public.") announced?: string | null;

  @Optional.PartialDate("Start of the conduct charged or sanctioned.") conductFrom?: string | null;

  @Optional.PartialDate("End of the conduct; not before `conductFrom`.") conductTo?: string | null;

  @Enum(LegalActionStatus, "Where the action stands.") status: LegalActionStatus;

  @Optional.NestedList(ChargeInput, MAX_CHARGES, "The charges, in the order of the indictment.")
  charges?: ChargeInput[] | null;

  @Optional.NestedList(
    DefendantInput,
    MAX_DEFENDANTS,
    "Who is charged, arrested or sanctioned, in the order of the source.",
  )
  defendants?: DefendantInput[] | null;

  @Optional.Nested(SanctionsInput, "For sanctions: regime and measures.")
  sanctions?: SanctionsInput | null;

  @Optional.IdList(MAX_RELATED, "Incidents the action is about (in the incidents source).")
  relatedIncidents?: string[] | null;

  @Optional.IdList(MAX_RELATED, "Threat actors the action names (in the incidents source).")
  relatedActors?: string[] | null;

  @SourcesField() sources: string[];
}
