import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { connectionType } from "../kit/connection";
import { DefendantKind, DefendantStatus } from "./enums";

@ObjectType({
  simpleResolvers: true,
  description:
    "A person or organisation charged, arrested or sanctioned by a legal action, as that action names them: a person's role in it (`person` is who they are across actions).",
})
@Entity({ schema: "legal", name: "defendant" })
export class Defendant {
  @PrimaryGeneratedColumn("identity")
  key: number;

  @Column("text")
  legalActionId: string;

  @Column("int")
  position: number;

  @Field(() => String, { description: 'Name as the source gives it: "Ding Xiaoyang".' })
  @Column("text")
  name: string;

  @Field(() => DefendantKind, { nullable: true, description: "A person or an organisation." })
  @Column("text", { nullable: true })
  kind: DefendantKind | null;

  /** The natural person this row names; null for an organisation. */
  @Column("text", { nullable: true })
  personId: string | null;

  @Column("text", { nullable: true })
  nationalityId: string | null;

  @Column("text", { nullable: true })
  affiliatedActorId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Employer or unit as stated by the source: "GRU Unit 74455".',
  })
  @Column("text", { nullable: true })
  employer: string | null;

  @Field(() => DefendantStatus, { description: "Where the defendant stands." })
  @Column("text")
  status: DefendantStatus;
}

export const DefendantConnection = connectionType(Defendant, "Defendant");
