import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DatePrecision, PartialDate, toPartialDate } from "../../common/partial-date";
import { type SourceRecord, Source, toSources } from "../../common/source";

@ObjectType({
  simpleResolvers: true,
  description: "A dated step of an incident: disclosure, patch, attribution.",
})
@Entity({ schema: "incidents", name: "timeline_event" })
export class TimelineEvent {
  @PrimaryGeneratedColumn("identity")
  key: number;

  @Column("text")
  incidentId: string;

  @Column("int")
  position: number;

  @Column("date")
  dateOn: string;

  @Column("text")
  datePrecision: DatePrecision;

  @Field(() => String)
  @Column("text")
  description: string;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Field(() => PartialDate)
  get date(): PartialDate {
    return toPartialDate(this.dateOn, this.datePrecision) as PartialDate;
  }

  @Field(() => [Source])
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}
