import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DefendantKind, DefendantStatus } from "../enums";

@ObjectType({
  simpleResolvers: true,
  description: "A person or organisation charged, arrested or sanctioned.",
})
@Entity({ schema: "legal", name: "defendant" })
export class Defendant {
  @PrimaryGeneratedColumn("identity")
  key: number;

  @Column("text")
  legalActionId: string;

  @Column("int")
  position: number;

  @Field(() => String)
  @Column("text")
  name: string;

  @Field(() => DefendantKind, { nullable: true })
  @Column("text", { nullable: true })
  kind: DefendantKind | null;

  @Column("text", { nullable: true })
  nationalityId: string | null;

  @Column("text", { nullable: true })
  affiliatedActorId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Employer or unit as stated by the source.",
  })
  @Column("text", { nullable: true })
  employer: string | null;

  @Field(() => DefendantStatus)
  @Column("text")
  status: DefendantStatus;
}
