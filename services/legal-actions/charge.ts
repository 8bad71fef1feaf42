import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({ simpleResolvers: true, description: "One charge of an indictment or complaint." })
@Entity({ schema: "legal", name: "charge" })
export class Charge {
  @PrimaryGeneratedColumn("identity")
  key: number;

  @Column("text")
  legalActionId: string;

  @Column("int")
  position: number;

  @Field(() => String, { nullable: true, description: 'The statute: "18 U.S.C. § 1030".' })
  @Column("text", { nullable: true })
  statute: string | null;

  @Field(() => String, {
    description: 'The offence, as the source words it: "Conspiracy to commit computer fraud".',
  })
  @Column("text")
  description: string;

  @Field(() => Int, { nullable: true, description: "Number of counts." })
  @Column("int", { nullable: true })
  counts: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Maximum penalty, as stated by the source: "10 years in prison".',
  })
  @Column("text", { nullable: true })
  maximumPenalty: string | null;
}
