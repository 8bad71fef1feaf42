import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { AttributionKind, ConfidenceLevel } from "../enums";

@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description: "A statement's claim that an actor, a state or an agency did an incident.",
})
@Entity({ schema: "governments", name: "attribution" })
export class Attribution {
  @Field(() => ID)
  @PrimaryColumn("text")
  id: string;

  @Column("text")
  statementId: string;

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

  @Field(() => AttributionKind)
  @Column("text")
  kind: AttributionKind;

  @Field(() => String, {
    nullable: true,
    description: 'Confidence as worded by the statement: "with high confidence", "highly likely".',
  })
  @Column("text", { nullable: true })
  confidenceWording: string | null;

  @Field(() => ConfidenceLevel, { nullable: true })
  @Column("text", { nullable: true })
  confidenceLevel: ConfidenceLevel | null;

  @Field(() => Int, {
    nullable: true,
    description: "Normalised confidence, 0-100 (STIX 2.1).",
  })
  @Column("smallint", { nullable: true })
  confidenceScore: number | null;
}
