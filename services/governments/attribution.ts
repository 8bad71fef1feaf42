import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { connectionType } from "../kit/connection";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Node, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { AttributionKind, ConfidenceLevel } from "./enums";
import type { Statement } from "./statement";

@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description:
    "A statement's claim that an actor, a state or an agency did an incident: who blamed whom, with what confidence.",
})
@Entity({ schema: "governments", name: "attribution" })
export class Attribution extends RecordEntity implements Node {
  @Field(() => ID, { description: 'Readable slug: "us-dos-2021-07-19-exchange".' })
  @PrimaryColumn("text")
  id: string;

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

  @Field(() => AttributionKind, { description: "How the attribution is made." })
  @Column("text")
  kind: AttributionKind;

  @Field(() => String, {
    nullable: true,
    description: 'Confidence as worded by the statement: "with high confidence", "highly likely".',
  })
  @Column("text", { nullable: true })
  confidenceWording: string | null;

  @Field(() => ConfidenceLevel, {
    nullable: true,
    description: "Confidence normalised from the wording (see ConfidenceLevel).",
  })
  @Column("text", { nullable: true })
  confidenceLevel: ConfidenceLevel | null;

  @Field(() => Int, { nullable: true, description: "Normalised confidence, 0-100 (STIX 2.1)." })
  @Column("smallint", { nullable: true })
  confidenceScore: number | null;

  @Directive("@shareable")
  @Field(() => ID, { description: 'Global id: "Attribution:us-dos-2021-07-19-exchange".' })
  get globalId(): string {
    return globalId("Attribution", this.id);
  }
}

export const AttributionConnection = connectionType(Attribution, "Attribution");
