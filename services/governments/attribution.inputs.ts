import { DateRangeInput, Filter, FilterInput } from "../kit/filters";
import { RequireOneOf } from "../kit/inputs";
import { Enum, Id, Input, Optional } from "../kit/input-fields";
import { SortDirection } from "../kit/pagination";
import { AttributionKind, ConfidenceLevel } from "./enums";
import type { EnumValue } from "../kit/enums";
import { ListArgs } from "../kit/lists";
import { recordOrder } from "../kit/ordering";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class AttributionFilter extends RecordFilter {
  @Filter.Ids("These attributions.") ids?: string[];

  @Filter.Ids("Of these incidents.") incidentIds?: string[];

  @Filter.Ids("Blaming these threat actors.") actorIds?: string[];

  @Filter.Ids("Blaming these states.") stateIds?: string[];

  @Filter.Ids("Made by these governments (issuer or cosigner).") attributedByIds?: string[];

  @Filter.Enums(AttributionKind, "Of these kinds.", 10) kinds?: AttributionKind[];

  @Filter.Enums(ConfidenceLevel, "With these confidence levels.", 10)
  confidenceLevels?: ConfidenceLevel[];

  @Optional.Int(0, 100, "Normalised confidence at least this.") minConfidenceScore?: number;

  @Filter.Period("Made (by its statement) in this period.") issuedBetween?: DateRangeInput;
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
@Input(
  "Who a statement blames for an incident, as part of `StatementInput`: an actor, a state or an agency (at least one).",
)
export class AttributionInput {
  @Id('Readable slug, unique over all statements: "us-dos-2021-07-19-exchange".') id: string;

  @Id("The incident attributed (in the incidents source).") incident: string;

  @Optional.Id("The threat actor blamed (in the incidents source).") actor?: string | null;

  @Optional.Id("The state blamed.") state?: string | null;

  @Optional.Id("The state agency blamed.") agency?: string | null;

  @Enum(AttributionKind, "How the attribution is made.") kind: AttributionKind;

  @Optional.Text(500, 'Confidence as worded, verbatim: "with high confidence".')
  confidenceWording?: string | null;

  @Optional.Enum(ConfidenceLevel, "Confidence normalised from the wording.")
  confidenceLevel?: ConfidenceLevel | null;

  @Optional.Int(0, 100, "Normalised confidence (STIX 2.1).") confidenceScore?: number | null;
}

export const AttributionListArgs = ListArgs(AttributionFilter, AttributionOrder);
export type AttributionListArgs = InstanceType<typeof AttributionListArgs>;
