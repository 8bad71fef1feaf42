import { InputType } from "type-graphql";
import { DateRangeInput, FilterInput, IdsFilter, EnumsFilter, PeriodFilter } from "../kit/filters";
import { EnumField, IdField, IntField, RequireOneOf, TextField } from "../kit/inputs";
import { SortDirection } from "../kit/pagination";
import { AttributionKind, ConfidenceLevel } from "./enums";
import type { EnumValue } from "../kit/enums";
import { ListArgs } from "../kit/lists";
import { recordOrder } from "../kit/ordering";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class AttributionFilter extends RecordFilter {
  @IdsFilter("These attributions.")
  ids?: string[];

  @IdsFilter("Of these incidents.")
  incidentIds?: string[];

  @IdsFilter("Blaming these threat actors.")
  actorIds?: string[];

  @IdsFilter("Blaming these states.")
  stateIds?: string[];

  @IdsFilter("Made by these governments (issuer or cosigner).")
  attributedByIds?: string[];

  @EnumsFilter(() => AttributionKind, "Of these kinds.", 10)
  kinds?: AttributionKind[];

  @EnumsFilter(() => ConfidenceLevel, "With these confidence levels.", 10)
  confidenceLevels?: ConfidenceLevel[];

  @IntField({
    nullable: true,
    description: "Normalised confidence at least this.",
    min: 0,
    max: 100,
  })
  minConfidenceScore?: number;

  @PeriodFilter("Made (by its statement) in this period.")
  issuedBetween?: DateRangeInput;
}

export const { field: AttributionOrderField, input: AttributionOrder } = recordOrder(
  "Attribution",
  {
    fields: "What to order attributions by.",
    order: "Newest statement first by default.",
  },
  {
    ISSUED_AT: "By the date of the attributing statement, then id (the default).",
    ID: "By id (slug).",
  },
  SortDirection.DESC,
);
export type AttributionOrderField = EnumValue<typeof AttributionOrderField>;
export type AttributionOrder = InstanceType<typeof AttributionOrder>;

@RequireOneOf(["actor", "state", "agency"])
@InputType({
  description:
    "Who a statement blames for an incident, as part of `StatementInput`: an actor, a state or an agency (at least one).",
})
export class AttributionInput {
  @IdField({
    description: 'Readable slug, unique over all statements: "us-dos-2021-07-19-exchange".',
  })
  id: string;

  @IdField({ description: "The incident attributed (in the incidents source)." })
  incident: string;

  @IdField({ nullable: true, description: "The threat actor blamed (in the incidents source)." })
  actor?: string | null;

  @IdField({ nullable: true, description: "The state blamed." })
  state?: string | null;

  @IdField({ nullable: true, description: "The state agency blamed." })
  agency?: string | null;

  @EnumField(() => AttributionKind, { description: "How the attribution is made." })
  kind: AttributionKind;

  @TextField({
    nullable: true,
    description: 'Confidence as worded, verbatim: "with high confidence".',
    maxLength: 500,
  })
  confidenceWording?: string | null;

  @EnumField(() => ConfidenceLevel, {
    nullable: true,
    description: "Confidence normalised from the wording.",
  })
  confidenceLevel?: ConfidenceLevel | null;

  @IntField({ nullable: true, description: "Normalised confidence (STIX 2.1).", min: 0, max: 100 })
  confidenceScore?: number | null;
}

export const AttributionListArgs = ListArgs(AttributionFilter, AttributionOrder);
export type AttributionListArgs = InstanceType<typeof AttributionListArgs>;
