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
  LANGUAGE,
  LanguageField,
  NameField,
  NestedListField,
  SourcesField,
  TextField,
  TextListField,
  UrlField,
} from "../kit/inputs";
import { SortDirection } from "../kit/pagination";
import { AttributionInput } from "./attribution.inputs";
import { StatementKind } from "./enums";
import type { EnumValue } from "../kit/enums";
import { ListArgs } from "../kit/lists";
import { recordOrder } from "../kit/ordering";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class StatementFilter extends RecordFilter {
  @IdsFilter("These statements.")
  ids?: string[];

  @EnumsFilter(() => StatementKind, "Of these kinds.", 20)
  kinds?: StatementKind[];

  @IdsFilter("Issued or cosigned by these governments.")
  governmentIds?: string[];

  @IdsFilter("Issued by these agencies.")
  agencyIds?: string[];

  @IdsFilter("Made by these officials.")
  speakerIds?: string[];

  @IdsFilter("Statements attributing these incidents.")
  incidentIds?: string[];

  @IdsFilter("Statements naming these threat actors.")
  actorIds?: string[];

  @TextListField({
    nullable: true,
    description: 'Available in these languages (text, quotes or translations): "fr", "en".',
    maxItems: 20,
    maxLength: 35,
    pattern: { regex: LANGUAGE, rule: 'must be a BCP 47 language tag such as "fr"' },
  })
  languages?: string[];

  @PeriodFilter("Issued in this period.")
  issuedBetween?: DateRangeInput;

  @SearchFilter(
    "Full-text search (English and French stemming, accents ignored) over text and quotes.",
  )
  text?: string;
}

export const { field: StatementOrderField, input: StatementOrder } = recordOrder(
  "Statement",
  {
    fields: "What to order statements by.",
    order: "Newest first by default; by relevance when searching text.",
  },
  {
    ISSUED_AT: "By date issued, then id (the default without `filter.text`).",
    ID: "By id (slug).",
    RELEVANCE:
      "By how well they match `filter.text`, then newest first (the default with `filter.text`).",
  },
  SortDirection.DESC,
);
export type StatementOrderField = EnumValue<typeof StatementOrderField>;
export type StatementOrder = InstanceType<typeof StatementOrder>;

@InputType({ description: "A quote rendered in another language, as part of `QuoteInput`." })
export class TranslationInput {
  @LanguageField({ description: "Language of the translation." })
  language: string;

  @TextField({ description: "The translated words.", maxLength: 5000 })
  text: string;

  @IdField({ nullable: true, description: "Key of the source that translated it (see `sources`)." })
  source?: string | null;
}

export const MAX_QUOTES = 20;
export const MAX_TRANSLATIONS = 10;
export const MAX_ATTRIBUTIONS = 50;
export const MAX_COSIGNERS = 50;

@InputType({
  description: "Words quoted verbatim from the statement, as part of `StatementInput`.",
})
export class QuoteInput {
  @TextField({ description: "The words, verbatim.", maxLength: 5000 })
  text: string;

  @LanguageField({ description: "Language of the words." })
  language: string;

  @IdField({
    nullable: true,
    description: "The official who said them, if not the statement's speaker.",
  })
  speaker?: string | null;

  @NestedListField(() => TranslationInput, {
    nullable: true,
    description: "The quote in other languages.",
    maxItems: MAX_TRANSLATIONS,
  })
  translations?: TranslationInput[] | null;
}

@InputType({
  description:
    "A statement as `upsertStatement` writes it, with its quotes and attributions (the bundle format of data/).",
})
export class StatementInput {
  @IdField({ description: 'Readable slug, the record\'s key: "us-dos-2021-07-19".' })
  id: string;

  @EnumField(() => StatementKind, { description: "The form of the statement." })
  kind: StatementKind;

  @DateField({ description: "When it was issued, as precise as known." })
  issuedAt: string;

  @IdField({ description: "The government issuing it." })
  issuer: string;

  @IdListField({ nullable: true, description: "Governments joining it.", maxItems: MAX_COSIGNERS })
  cosigners?: string[] | null;

  @IdField({ nullable: true, description: "The agency issuing it." })
  agency?: string | null;

  @IdField({ nullable: true, description: "The official speaking." })
  speaker?: string | null;

  @NameField({ nullable: true, description: "Title as published.", maxLength: 500 })
  title?: string | null;

  @LanguageField({ description: "Language of the statement." })
  language: string;

  @TextField({ nullable: true, description: "Full text, where published.", maxLength: 100_000 })
  text?: string | null;

  @TextField({ nullable: true, description: "What it says, in brief.", maxLength: 5000 })
  summary?: string | null;

  @UrlField({ nullable: true, description: "Where it is published." })
  url?: string | null;

  @NestedListField(() => QuoteInput, {
    nullable: true,
    description: "Verbatim quotes.",
    maxItems: MAX_QUOTES,
  })
  quotes?: QuoteInput[] | null;

  @NestedListField(() => AttributionInput, {
    nullable: true,
    description: "Who it blames for which incident.",
    maxItems: MAX_ATTRIBUTIONS,
  })
  attributions?: AttributionInput[] | null;

  @SourcesField()
  sources: string[];
}

export const StatementListArgs = ListArgs(StatementFilter, StatementOrder);
export type StatementListArgs = InstanceType<typeof StatementListArgs>;
