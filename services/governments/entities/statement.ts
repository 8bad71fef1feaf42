import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { DatePrecision, PartialDate, toPartialDate } from "../../common/partial-date";
import { type SourceRecord, Source, toSources } from "../../common/source";
import { StatementKind } from "../enums";

@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description: "A dated public statement: a press release, a declaration, a speech.",
})
@Entity({ schema: "governments", name: "statement" })
export class Statement {
  @Field(() => ID)
  @PrimaryColumn("text")
  id: string;

  @Field(() => StatementKind)
  @Column("text")
  kind: StatementKind;

  @Column("date")
  issuedOn: string;

  @Column("text")
  issuedPrecision: DatePrecision;

  @Column("text")
  issuerId: string;

  @Column("text", { array: true, default: () => "'{}'" })
  cosignerIds: string[];

  @Column("text", { nullable: true })
  agencyId: string | null;

  @Column("text", { nullable: true })
  speakerId: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  title: string | null;

  @Field(() => String, {
    description: "BCP 47 language of the statement: en, fr, de-CH.",
  })
  @Column("text")
  language: string;

  @Field(() => String, {
    nullable: true,
    description: "Full text, where published.",
  })
  @Column("text", { nullable: true })
  text: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  summary: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Where the statement is published.",
  })
  @Column("text", { nullable: true })
  url: string | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Field(() => PartialDate)
  get issuedAt(): PartialDate {
    return toPartialDate(this.issuedOn, this.issuedPrecision) as PartialDate;
  }

  @Field(() => [Source])
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}
