import { ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { OptionalIntColumn, OptionalTextColumn, TextColumn } from "../kit/columns";

@ObjectType({ simpleResolvers: true, description: "One charge of an indictment or complaint." })
@Entity({ schema: "legal", name: "charge" })
export class Charge {
  @PrimaryGeneratedColumn("identity") key: number;

  @Column("text") legalActionId: string;

  @Column("int") position: number;

  @OptionalTextColumn('The statute: "18 U.S.C. § 1030".') statute: string | null;

  @TextColumn('The offence, as the source words it: "Conspiracy to commit computer fraud".')
  description: string;

  @OptionalIntColumn("Number of counts.") counts: number | null;

  @OptionalTextColumn('Maximum penalty, as stated by the source: "10 years in prison".')
  maximumPenalty: string | null;
}
