import { DateRangeInput, Filter, FilterInput } from "../kit/filters";
import { LANGUAGE, SourcesField } from "../kit/inputs";
import { Enum, Id, Input, Language, Optional, PartialDate, Text } from "../kit/input-fields";
import { SortDirection } from "../kit/pagination";
import { AttributionInput } from "./attribution.inputs";
import { StatementKind } from "./enums";
import type { EnumValue } from "../kit/enums";
import { ListArgs } from "../kit/lists";
import { recordOrder } from "../kit/ordering";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class StatementFilter extends RecordFilter {
  @Filter.Ids("These statements.") ids?: string[];

  @Filter.Enums(StatementKind, "Of these kinds.", 20) kinds?: StatementKind[];

  @Filter.Ids("Issued or cosigned by these governments.") governmentIds?: string[];

  @Filter.Ids("Issued by these agencies.") agencyIds?: string[];

  @Filter.Ids("Made by these officials.") speakerIds?: string[];

  @Filter.Ids("Statements attributing these incidents.") incidentIds?: string[];

  @Filter.Ids("Statements naming these threat actors.") actorIds?: string[];

  @Optional.TextList(
    20,
    35,
    'Available in these languages (text, quotes or translations): "fr", "en".',
    { regex: LANGUAGE, rule: 'must be a BCP 47 language tag such as "fr"' },
  )
  languages?: string[];

  @Filter.Period("Issued in this period.") issuedBetween?: DateRangeInput;

  @Filter.Search(
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

@Input("A quote rendered in another language, as part of `QuoteInput`.")
export class TranslationInput {
  @Language("Language of the translation.") language: string;

  @Text(5000, "The translated words.") text: string;

  @Optional.Id("Key of the source that translated it (see `sources`).") source?: string | null;
}

export const MAX_QUOTES = 20;
export const MAX_TRANSLATIONS = 10;
export const MAX_ATTRIBUTIONS = 50;
export const MAX_COSIGNERS = 50;

@Input("Words quoted verbatim from the statement, as part of `StatementInput`.")
export class QuoteInput {
  @Text(5000, "The words, verbatim.") text: string;

  @Language("Language of the words.") language: string;

  @Optional.Id("The official who said them, if not the statement's speaker.")
  speaker?: string | null;

  @Optional.NestedList(TranslationInput, MAX_TRANSLATIONS, "The quote in other languages.")
  translations?: TranslationInput[] | null;
}

@Input(
  "A statement as `upsertStatement` writes it, with its quotes and attributions (the bundle format of data/).",
)
export class StatementInput {
  @Id('Readable slug, the record\'s key: "us-dos-2021-07-19".') id: string;

  @Enum(StatementKind, "The form of the statement.") kind: StatementKind;

  @PartialDate("When it was issued, as precise as known.") issuedAt: string;

  @Id("The government issuing it.") issuer: string;

  @Optional.IdList(MAX_COSIGNERS, "Governments joining it.") cosigners?: string[] | null;

  @Optional.Id("The agency issuing it.") agency?: string | null;

  @Optional.Id("The official speaking.") speaker?: string | null;

  @Optional.Name(500, "Title as published.") title?: string | null;

  @Language("Language of the statement.") language: string;

  @Optional.Text(100_000, "Full text, where published.") text?: string | null;

  @Optional.Text(5000, "What it says, in brief.") summary?: string | null;

  @Optional.Url("Where it is published.") url?: string | null;

  @Optional.NestedList(QuoteInput, MAX_QUOTES, "Verbatim quotes.") quotes?: QuoteInput[] | null;

  @Optional.NestedList(AttributionInput, MAX_ATTRIBUTIONS, "Who it blames for which incident.")
  attributions?: AttributionInput[] | null;

  @SourcesField() sources: string[];
}

export const StatementListArgs = ListArgs(StatementFilter, StatementOrder);
export type StatementListArgs = InstanceType<typeof StatementListArgs>;
