import { ArgsType, Field, InputType } from "type-graphql";
import { ConnectionArgs } from "../kit/connection";
import { DateRangeInput, MAX_FILTER_VALUES } from "../kit/filters";
import {
  EnumField,
  EnumListField,
  IdField,
  IdListField,
  IntField,
  NestedField,
  RequireOneOf,
  TextField,
} from "../kit/inputs";
import { SortDirection } from "../kit/pagination";
import { AttributionKind, ConfidenceLevel } from "./enums";
import { type EnumValue, describedEnum } from "../kit/enums";

@InputType({ description: "Every field narrows the list; a list field matches any of its values." })
export class AttributionFilter {
  @IdListField({ nullable: true, description: "These attributions.", maxItems: MAX_FILTER_VALUES })
  ids?: string[];

  @IdListField({ nullable: true, description: "Of these incidents.", maxItems: MAX_FILTER_VALUES })
  incidentIds?: string[];

  @IdListField({
    nullable: true,
    description: "Blaming these threat actors.",
    maxItems: MAX_FILTER_VALUES,
  })
  actorIds?: string[];

  @IdListField({
    nullable: true,
    description: "Blaming these states.",
    maxItems: MAX_FILTER_VALUES,
  })
  stateIds?: string[];

  @IdListField({
    nullable: true,
    description: "Made by these governments (issuer or cosigner).",
    maxItems: MAX_FILTER_VALUES,
  })
  attributedByIds?: string[];

  @EnumListField(() => AttributionKind, {
    nullable: true,
    description: "Of these kinds.",
    maxItems: 10,
  })
  kinds?: AttributionKind[];

  @EnumListField(() => ConfidenceLevel, {
    nullable: true,
    description: "With these confidence levels.",
    maxItems: 10,
  })
  confidenceLevels?: ConfidenceLevel[];

  @IntField({
    nullable: true,
    description: "Normalised confidence at least this.",
    min: 0,
    max: 100,
  })
  minConfidenceScore?: number;

  @NestedField(() => DateRangeInput, {
    nullable: true,
    description: "Made (by its statement) in this period.",
  })
  issuedBetween?: DateRangeInput;
}

export const AttributionOrderField = describedEnum(
  "AttributionOrderField",
  "What to order attributions by.",
  {
    ISSUED_AT: "By the date of the attributing statement, then id (the default).",
    ID: "By id (slug).",
  },
);
export type AttributionOrderField = EnumValue<typeof AttributionOrderField>;

@InputType({ description: "Newest statement first by default." })
export class AttributionOrder {
  @Field(() => AttributionOrderField, { description: "What to order by." })
  field: AttributionOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: "DESC by default." })
  direction: SortDirection;
}

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

@ArgsType()
export class AttributionListArgs extends ConnectionArgs {
  @NestedField(() => AttributionFilter, {
    nullable: true,
    description: "Only the items matching this.",
  })
  filter?: AttributionFilter;

  @NestedField(() => AttributionOrder, { nullable: true, description: "Order of the items." })
  orderBy?: AttributionOrder;
}
