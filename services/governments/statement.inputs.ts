import { ArgsType, Field, InputType } from "type-graphql";
import { ConnectionArgs } from "../kit/connection";
import { DateRangeInput, MAX_FILTER_VALUES } from "../kit/filters";
import {
  DateField,
  EnumField,
  EnumListField,
  IdField,
  IdListField,
  LANGUAGE,
  LanguageField,
  NestedField,
  NestedListField,
  SourcesField,
  TextField,
  TextListField,
  UrlField,
} from "../kit/inputs";
import { SortDirection } from "../kit/pagination";
import { AttributionInput } from "./attribution.inputs";
import { StatementKind } from "./enums";
import { type EnumValue, describedEnum } from "../kit/enums";

@InputType({ description: "Every field narrows the list; a list field matches any of its values." })
export class StatementFilter {
  @IdListField({ nullable: true, description: "These statements.", maxItems: MAX_FILTER_VALUES })
  ids?: string[];

  @EnumListField(() => StatementKind, {
    nullable: true,
    description: "Of these kinds.",
    maxItems: 20,
  })
  kinds?: StatementKind[];

  @IdListField({
    nullable: true,
    description: "Issued or cosigned by these governments.",
    maxItems: MAX_FILTER_VALUES,
  })
  governmentIds?: string[];

  @IdListField({
    nullable: true,
    description: "Issued by these agencies.",
    maxItems: MAX_FILTER_VALUES,
  })
  agencyIds?: string[];

  @IdListField({
    nullable: true,
    description: "Made by these officials.",
    maxItems: MAX_FILTER_VALUES,
  })
  speakerIds?: string[];

  @IdListField({
    nullable: true,
    description: "Statements attributing these incidents.",
    maxItems: MAX_FILTER_VALUES,
  })
  incidentIds?: string[];

  @IdListField({
    nullable: true,
    description: "Statements naming these threat actors.",
    maxItems: MAX_FILTER_VALUES,
  })
  actorIds?: string[];

  @TextListField({
    nullable: true,
    description: 'Available in these languages (text, quotes or translations): "fr", "en".',
    maxItems: 20,
    maxLength: 35,
    pattern: { regex: LANGUAGE, rule: 'must be a BCP 47 language tag such as "fr"' },
  })
  languages?: string[];

  @NestedField(() => DateRangeInput, { nullable: true, description: "Issued in this period." })
  issuedBetween?: DateRangeInput;

  @TextField({
    nullable: true,
    description:
      "Full-text search (English and French stemming, accents ignored) over text and quotes.",
    maxLength: 200,
  })
  text?: string;
}

export const StatementOrderField = describedEnum(
  "StatementOrderField",
  "What to order statements by.",
  {
    ISSUED_AT: "By date issued, then id (the default without `filter.text`).",
    ID: "By id (slug).",
    RELEVANCE: "By how well they match `filter.text` (the default with it).",
  },
);
export type StatementOrderField = EnumValue<typeof StatementOrderField>;

@InputType({ description: "Newest first by default; by relevance when searching text." })
export class StatementOrder {
  @Field(() => StatementOrderField, { description: "What to order by." })
  field: StatementOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: "DESC by default." })
  direction: SortDirection;
}

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

  @TextField({ nullable: true, description: "Title as published.", maxLength: 500 })
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

@ArgsType()
export class StatementListArgs extends ConnectionArgs {
  @NestedField(() => StatementFilter, {
    nullable: true,
    description: "Only the items matching this.",
  })
  filter?: StatementFilter;

  @NestedField(() => StatementOrder, { nullable: true, description: "Order of the items." })
  orderBy?: StatementOrder;
}
