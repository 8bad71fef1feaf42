import { InputType } from "type-graphql";
import {
  DateRangeInput,
  FilterInput,
  IdsFilter,
  EnumsFilter,
  PeriodFilter,
  SearchFilter,
} from "../kit/filters";
import {
  DateField,
  EnumField,
  IdField,
  IdListField,
  IntField,
  NameField,
  NestedField,
  NestedListField,
  SourcesField,
  TextField,
  TextListField,
} from "../kit/inputs";
import { SortDirection } from "../kit/pagination";
import { DefendantKind, DefendantStatus, LegalActionKind, LegalActionStatus } from "./enums";
import type { EnumValue } from "../kit/enums";
import { ListArgs } from "../kit/lists";
import { recordOrder } from "../kit/ordering";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class LegalActionFilter extends RecordFilter {
  @IdsFilter("These legal actions.")
  ids?: string[];

  @EnumsFilter(() => LegalActionKind, "Of these kinds.", 10)
  kinds?: LegalActionKind[];

  @EnumsFilter(() => LegalActionStatus, "In these statuses.", 10)
  statuses?: LegalActionStatus[];

  @IdsFilter("Brought by these governments.")
  jurisdictionIds?: string[];

  @IdsFilter('Brought by these agencies: "us-doj", "eu-council".')
  authorityIds?: string[];

  @IdsFilter("Related to these incidents.")
  incidentIds?: string[];

  @IdsFilter("Related to these threat actors, or charging one of their members.")
  actorIds?: string[];

  @IdsFilter("With a defendant of one of these nationalities.")
  defendantNationalityIds?: string[];

  @PeriodFilter("Announced in this period (or, when no announcement is known, unsealed or filed).")
  announcedBetween?: DateRangeInput;

  @SearchFilter(
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

@InputType({
  description: "One charge of an indictment or complaint, as part of `LegalActionInput`.",
})
export class ChargeInput {
  @NameField({ nullable: true, description: 'The statute: "18 U.S.C. § 1030".', maxLength: 300 })
  statute?: string | null;

  @TextField({
    description: 'The offence, as the source words it: "Conspiracy to commit computer fraud".',
    maxLength: 2000,
  })
  description: string;

  @IntField({ nullable: true, description: "Number of counts.", min: 1, max: 1000 })
  counts?: number | null;

  @TextField({
    nullable: true,
    description: 'Maximum penalty, as stated by the source: "10 years in prison".',
    maxLength: 300,
  })
  maximumPenalty?: string | null;
}

@InputType({
  description: "A person or organisation charged or sanctioned, as part of `LegalActionInput`.",
})
export class DefendantInput {
  @NameField({ description: 'Name as the source gives it: "Ding Xiaoyang".', maxLength: 300 })
  name: string;

  @EnumField(() => DefendantKind, { nullable: true, description: "A person or an organisation." })
  kind?: DefendantKind | null;

  @IdField({
    nullable: true,
    description:
      'The person (a Person id, which must exist: write it first): "ding-xiaoyang". Required when `kind` is PERSON; never for an ORGANIZATION.',
  })
  person?: string | null;

  @IdField({ nullable: true, description: "Government of the defendant's nationality." })
  nationality?: string | null;

  @IdField({
    nullable: true,
    description:
      "The threat actor the defendant is charged as a member of (in the incidents source).",
  })
  affiliatedActor?: string | null;

  @NameField({
    nullable: true,
    description: 'Employer or unit as stated by the source: "GRU Unit 74455".',
    maxLength: 300,
  })
  employer?: string | null;

  @EnumField(() => DefendantStatus, { description: "Where the defendant stands." })
  status: DefendantStatus;
}

@InputType({ description: "A sanctions listing, as part of `LegalActionInput`." })
export class SanctionsInput {
  @NameField({
    description: 'The legal basis: "EU cyber sanctions regime".',
    maxLength: 500,
  })
  regime: string;

  @TextListField({
    description: 'The measures imposed, as the source words them: "asset freeze", "travel ban".',
    maxItems: MAX_MEASURES,
    minItems: 1,
    maxLength: 500,
  })
  measures: string[];
}

@InputType({
  description:
    "A legal action as `upsertLegalAction` writes it, with its charges and defendants (the bundle format of data/).",
})
export class LegalActionInput {
  @IdField({ description: 'Readable slug, the record\'s key: "us-v-ding-xiaoyang-2021".' })
  id: string;

  @EnumField(() => LegalActionKind, { description: "What the law did." })
  kind: LegalActionKind;

  @NameField({
    description: 'Title as the source gives it: "United States v. Zhu Hua and Zhang Shilong".',
    maxLength: 500,
  })
  title: string;

  @TextField({
    nullable: true,
    description: "What the action is about, in brief.",
    maxLength: 10_000,
  })
  summary?: string | null;

  @IdField({ description: "The government bringing the action." })
  jurisdiction: string;

  @IdField({ nullable: true, description: 'The agency bringing it: "us-doj", "eu-council".' })
  authority?: string | null;

  @NameField({
    nullable: true,
    description: 'The court: "U.S. District Court for the Southern District of California".',
    maxLength: 300,
  })
  court?: string | null;

  @NameField({
    nullable: true,
    description: "Docket number, as the court gives it.",
    maxLength: 100,
  })
  caseNumber?: string | null;

  @DateField({ nullable: true, description: "When the case was filed." })
  filed?: string | null;

  @DateField({
    nullable: true,
    description: "When a sealed indictment or complaint was unsealed; not before `filed`.",
  })
  unsealed?: string | null;

  @DateField({ nullable: true, description: "When it was made public." })
  announced?: string | null;

  @DateField({ nullable: true, description: "Start of the conduct charged or sanctioned." })
  conductFrom?: string | null;

  @DateField({ nullable: true, description: "End of the conduct; not before `conductFrom`." })
  conductTo?: string | null;

  @EnumField(() => LegalActionStatus, { description: "Where the action stands." })
  status: LegalActionStatus;

  @NestedListField(() => ChargeInput, {
    nullable: true,
    description: "The charges, in the order of the indictment.",
    maxItems: MAX_CHARGES,
  })
  charges?: ChargeInput[] | null;

  @NestedListField(() => DefendantInput, {
    nullable: true,
    description: "Who is charged, arrested or sanctioned, in the order of the source.",
    maxItems: MAX_DEFENDANTS,
  })
  defendants?: DefendantInput[] | null;

  @NestedField(() => SanctionsInput, {
    nullable: true,
    description: "For sanctions: regime and measures.",
  })
  sanctions?: SanctionsInput | null;

  @IdListField({
    nullable: true,
    description: "Incidents the action is about (in the incidents source).",
    maxItems: MAX_RELATED,
  })
  relatedIncidents?: string[] | null;

  @IdListField({
    nullable: true,
    description: "Threat actors the action names (in the incidents source).",
    maxItems: MAX_RELATED,
  })
  relatedActors?: string[] | null;

  @SourcesField()
  sources: string[];
}
