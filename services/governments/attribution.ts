import { connectionType } from "../kit/connection";
import { Column } from "typeorm";
import {
  EnumColumn,
  IdColumn,
  OptionalEnumColumn,
  OptionalSmallIntColumn,
  OptionalTextColumn,
} from "../kit/columns";
import { GlobalIdField, Node, NodeEntity, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { AttributionKind, ConfidenceLevel } from "./enums";
import type { Statement } from "./statement";

@NodeEntity({
  schema: "governments",
  name: "attribution",
  description:
    "A statement's claim that an actor, a state or an agency did an incident: who blamed whom, with what confidence.",
})
export class Attribution extends RecordEntity implements Node {
  @IdColumn('Readable slug: "us-dos-2021-07-19-exchange".') id: string;

  @Column("text")
  statementId: string;

  /** Its statement, when a list read it with the attribution (attribution.queries.ts). */
  statementRecord?: Statement;

  @Column("int")
  position: number;

  @Column("text")
  incidentId: string;

  @Column("text", { nullable: true })
  actorId: string | null;

  @Column("text", { nullable: true })
  stateId: string | null;

  @Column("text", { nullable: true })
  agencyId: string | null;

  @EnumColumn(AttributionKind, "How the attribution is made.") kind: AttributionKind;

  @OptionalTextColumn(
    'Confidence as worded by the statement: "with high confidence", "highly likely".',
  )
  confidenceWording: string | null;

  @OptionalEnumColumn(
    ConfidenceLevel,
    "Confidence normalised from the wording (see ConfidenceLevel).",
  )
  confidenceLevel: ConfidenceLevel | null;

  @OptionalSmallIntColumn("Normalised confidence, 0-100 (STIX 2.1).") confidenceScore:
    number | null;

  @GlobalIdField('Global id: "Attribution:us-dos-2021-07-19-exchange".')
  get globalId(): string {
    return globalId("Attribution", this.id);
  }
}

export const AttributionConnection = connectionType(Attribution, "Attribution");
