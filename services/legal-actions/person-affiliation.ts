import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { OptionalTextColumn } from "../kit/columns";
import type { SourceRecord } from "../../platform/bundle";
import { type DatePrecision, toPartialDate } from "../../platform/partial-date";
import { DateWithPrecision } from "../kit/date-with-precision";
import { type Source, SourcesList, toSources } from "../kit/source";

@ObjectType({
  simpleResolvers: true,
  description:
    "Whom a person worked for or with, over a period: a threat actor, an agency or military unit, an employer, as the sources state it.",
})
@Entity({ schema: "legal", name: "person_affiliation" })
export class PersonAffiliation {
  @PrimaryGeneratedColumn("identity") key: number;

  @Column("text") personId: string;

  @Column("int") position: number;

  @Column("text", { nullable: true })
  actorId: string | null;

  @Column("text", { nullable: true })
  agencyId: string | null;

  @OptionalTextColumn(
    'The employer or unit as the source names it: "Huaying Haitai Science and Technology Development Company".',
  )
  employer: string | null;

  @OptionalTextColumn(
    'The person\'s role there, as the source words it: "officer", "founder and CEO".',
  )
  role: string | null;

  @Column("date", { nullable: true })
  fromOn: string | null;

  @Column("text", { nullable: true })
  fromPrecision: DatePrecision | null;

  @Column("date", { nullable: true })
  toOn: string | null;

  @Column("text", { nullable: true })
  toPrecision: DatePrecision | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Field(() => DateWithPrecision, { nullable: true, description: "Since when, where known." })
  get from(): DateWithPrecision | null {
    return toPartialDate(this.fromOn, this.fromPrecision);
  }

  @Field(() => DateWithPrecision, { nullable: true, description: "Until when, where known." })
  get to(): DateWithPrecision | null {
    return toPartialDate(this.toOn, this.toPrecision);
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}
