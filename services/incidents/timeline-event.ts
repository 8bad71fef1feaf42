import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { TextColumn } from "../kit/columns";
import { type DatePrecision, toPartialDate } from "../../platform/partial-date";
import { DateWithPrecision } from "../kit/date-with-precision";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";

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

  @TextColumn("What happened.") description: string;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Field(() => DateWithPrecision, { description: "When it happened, as precise as known." })
  get date(): DateWithPrecision {
    return toPartialDate(this.dateOn, this.datePrecision) as DateWithPrecision;
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}
