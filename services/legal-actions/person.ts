import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import type { SourceRecord } from "../../platform/bundle";
import { type DatePrecision, toPartialDate } from "../../platform/partial-date";
import { connectionType } from "../kit/connection";
import { DateWithPrecision } from "../kit/date-with-precision";
import { Node, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { type Source, SourcesList, toSources } from "../kit/source";

@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description:
    "A natural person named by legal actions: charged in one, sanctioned in another, under several spellings of one name. Each legal action naming them is a role (`roles`).",
})
@Entity({ schema: "legal", name: "person" })
export class Person extends RecordEntity implements Node {
  @Field(() => ID, { description: 'Readable slug: "ding-xiaoyang".' })
  @PrimaryColumn("text")
  id: string;

  @Field(() => String, {
    description: 'The name the record goes by (its PRIMARY spelling): "Ding Xiaoyang".',
  })
  @Column("text")
  name: string;

  @Column("text", { nullable: true })
  nationalityId: string | null;

  @Column("date", { nullable: true })
  birthOn: string | null;

  @Column("text", { nullable: true })
  birthPrecision: DatePrecision | null;

  @Field(() => String, {
    nullable: true,
    description: "Where they were born, as published; null when no source gives it.",
  })
  @Column("text", { nullable: true })
  birthPlace: string | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Directive("@shareable")
  @Field(() => ID, { description: 'Global id: "Person:ding-xiaoyang".' })
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
