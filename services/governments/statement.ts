import { Field } from "type-graphql";
import { connectionType } from "../kit/connection";
import { Column } from "typeorm";
import { EnumColumn, IdColumn, OptionalTextColumn, TextColumn } from "../kit/columns";
import { GlobalIdField, Node, NodeEntity, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { DatePrecision, toPartialDate } from "../../platform/partial-date";
import { DateWithPrecision } from "../kit/date-with-precision";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";
import { StatementKind } from "./enums";
import type { Government } from "./government";

@NodeEntity({
  schema: "governments",
  name: "statement",
  description: "A dated public statement: a press release, a declaration, a speech.",
})
export class Statement extends RecordEntity implements Node {
  @IdColumn('Readable slug: "us-dos-2021-07-19".') id: string;

  @EnumColumn(StatementKind, "The form of the statement.") kind: StatementKind;

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

  @OptionalTextColumn("Title as published.") title: string | null;

  @TextColumn("BCP 47 language of the statement: en, fr, de-CH.") language: string;

  @OptionalTextColumn("Full text, where published.") text: string | null;

  @OptionalTextColumn("What the statement says, in brief.") summary: string | null;

  @OptionalTextColumn("Where the statement is published.") url: string | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @GlobalIdField('Global id: "Statement:us-dos-2021-07-19".')
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
