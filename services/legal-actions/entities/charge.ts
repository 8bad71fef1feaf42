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

  @Field(() => String)
  @Column("text")
  description: string;

  @Field(() => Int, { nullable: true, description: "Number of counts." })
  @Column("int", { nullable: true })
  counts: number | null;

  @Field(() => String, { nullable: true, description: "As stated by the source." })
  @Column("text", { nullable: true })
  maximumPenalty: string | null;
}
