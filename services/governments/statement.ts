import { Directive, Field, ID, ObjectType } from "type-graphql";
import { connectionType } from "../kit/connection";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Node, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { DatePrecision, toPartialDate } from "../../platform/partial-date";
import { DateWithPrecision } from "../kit/date-with-precision";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";
import { StatementKind } from "./enums";
import type { Government } from "./government";

@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: "A dated public statement: a press release, a declaration, a speech.",
})
@Entity({ schema: "governments", name: "statement" })
export class Statement extends RecordEntity implements Node {
  @Field(() => ID, { description: 'Readable slug: "us-dos-2021-07-19".' })
  @PrimaryColumn("text")
  id: string;

  @Field(() => StatementKind, { description: "The form of the statement." })
  @Column("text")
  kind: StatementKind;

  @Column("date")
  issuedOn: string;

  @Column("text")
  issuedPrecision: DatePrecision;

  @Column("text")
  issuerId: string;

  /** Its issuer, when a page read it with the statement (statement.resolver.ts). */
  issuerRecord?: Government;

  @Column("text", { array: true, default: () => "'{}'" })
  cosignerIds: string[];

  @Column("text", { nullable: true })
  agencyId: string | null;

  @Column("text", { nullable: true })
  speakerId: string | null;

  @Field(() => String, { nullable: true, description: "Title as published." })
  @Column("text", { nullable: true })
  title: string | null;

  @Field(() => String, { description: "BCP 47 language of the statement: en, fr, de-CH." })
  @Column("text")
  language: string;

  @Field(() => String, { nullable: true, description: "Full text, where published." })
  @Column("text", { nullable: true })
  text: string | null;

  @Field(() => String, { nullable: true, description: "What the statement says, in brief." })
  @Column("text", { nullable: true })
  summary: string | null;

  @Field(() => String, { nullable: true, description: "Where the statement is published." })
  @Column("text", { nullable: true })
  url: string | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Directive("@shareable")
  @Field(() => ID, { description: 'Global id: "Statement:us-dos-2021-07-19".' })
  get globalId(): string {
    return globalId("Statement", this.id);
  }

  @Field(() => DateWithPrecision, { description: "When it was issued, as precise as known." })
  get issuedAt(): DateWithPrecision {
    return toPartialDate(this.issuedOn, this.issuedPrecision) as DateWithPrecision;
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}

export const StatementConnection = connectionType(Statement, "Statement");
