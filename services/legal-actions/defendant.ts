import { ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { EnumColumn, OptionalEnumColumn, OptionalTextColumn, TextColumn } from "../kit/columns";
import { connectionType } from "../kit/connection";
import { DefendantKind, DefendantStatus } from "./enums";

@ObjectType({
  simpleResolvers: true,
  description:
    "A person or organisation charged, arrested or sanctioned by a legal action, as that action names them: a person's role in it (`person` is who they are across actions).",
})
@Entity({ schema: "legal", name: "defendant" })
export class Defendant {
  @PrimaryGeneratedColumn("identity") key: number;

  @Column("text") legalActionId: string;

  @Column("int") position: number;

  @TextColumn('Name as the source gives it: "Ding Xiaoyang".') name: string;

  @OptionalEnumColumn(DefendantKind, "A person or an organisation.")
  kind: DefendantKind | null;

  /** The natural person this row names; null for an organisation. */
  @Column("text", { nullable: true })
  personId: string | null;

  @Column("text", { nullable: true })
  nationalityId: string | null;

  @Column("text", { nullable: true })
  affiliatedActorId: string | null;

  @OptionalTextColumn('Employer or unit as stated by the source: "GRU Unit 74455".') employer:
    string | null;

  @EnumColumn(DefendantStatus, "Where the defendant stands.") status: DefendantStatus;
}

export const DefendantConnection = connectionType(Defendant, "Defendant");
