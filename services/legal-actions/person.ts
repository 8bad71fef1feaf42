import { Field } from "type-graphql";
import { Column } from "typeorm";
import { IdColumn, OptionalTextColumn, TextColumn } from "../kit/columns";
import type { SourceRecord } from "../../platform/bundle";
import { type DatePrecision, toPartialDate } from "../../platform/partial-date";
import { connectionType } from "../kit/connection";
import { DateWithPrecision } from "../kit/date-with-precision";
import { GlobalIdField, Node, NodeEntity, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { type Source, SourcesList, toSources } from "../kit/source";

@NodeEntity({
  schema: "legal",
  name: "person",
  description:
    "A natural person named by legal actions: charged in one, sanctioned in another, under several spellings of one name. Each legal action naming them is a role (`roles`).",
})
export class Person extends RecordEntity implements Node {
  @IdColumn('Readable slug: "ding-xiaoyang".') id: string;

  @TextColumn('The name the record goes by (its PRIMARY spelling): "Ding Xiaoyang".')
  name: string;

  @Column("text", { nullable: true })
  nationalityId: string | null;

  @Column("date", { nullable: true })
  birthOn: string | null;

  @Column("text", { nullable: true })
  birthPrecision: DatePrecision | null;

  @OptionalTextColumn("Where they were born, as published; null when no source gives it.")
  birthPlace: string | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @GlobalIdField('Global id: "Person:ding-xiaoyang".')
  get globalId(): string {
    return globalId("Person", this.id);
  }

  @Field(() => DateWithPrecision, {
    nullable: true,
    description: 'When they were born, as precisely as published ("1980"); null when unknown.',
  })
  get birthDate(): DateWithPrecision | null {
    return toPartialDate(this.birthOn, this.birthPrecision);
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}

export const PersonConnection = connectionType(Person, "Person");
