import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { DatePrecision, PartialDate, toPartialDate } from "../../common/partial-date";
import { type SourceRecord, Source, toSources } from "../../common/source";
import { IncidentKind } from "../enums";

@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description: "A cyber operation: a hack, a ransomware campaign, a sabotage.",
})
@Entity({ schema: "incidents", name: "incident" })
export class Incident {
  @Field(() => ID, { description: 'Readable slug: "microsoft-exchange-2021".' })
  @PrimaryColumn("text")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  @Field(() => [String], { description: 'Other names: "ProxyLogon".' })
  @Column("text", { array: true, default: () => "'{}'" })
  aliases: string[];

  @Field(() => IncidentKind)
  @Column("text")
  kind: IncidentKind;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  summary: string | null;

  @Column("date", { nullable: true })
  firstObservedOn: string | null;

  @Column("text", { nullable: true })
  firstObservedPrecision: DatePrecision | null;

  @Column("date", { nullable: true })
  disclosedOn: string | null;

  @Column("text", { nullable: true })
  disclosedPrecision: DatePrecision | null;

  @Column("date", { nullable: true })
  endedOn: string | null;

  @Column("text", { nullable: true })
  endedPrecision: DatePrecision | null;

  @Field(() => String, {
    nullable: true,
    description: 'Impact as stated by the source: "tens of thousands of accounts".',
  })
  @Column("text", { nullable: true })
  impact: string | null;

  @Field(() => [String], { description: 'Targeted sectors, lowercase: "defense", "health".' })
  @Column("text", { array: true, default: () => "'{}'" })
  sectors: string[];

  @Field(() => [String], { description: 'Exploited vulnerabilities: "CVE-2021-26855".' })
  @Column("text", { array: true, default: () => "'{}'" })
  cves: string[];

  @Column("text", { array: true, default: () => "'{}'" })
  targetedCountryIds: string[];

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Field(() => PartialDate, { nullable: true, description: "When the activity began." })
  get firstObserved(): PartialDate | null {
    return toPartialDate(this.firstObservedOn, this.firstObservedPrecision);
  }

  @Field(() => PartialDate, { nullable: true, description: "When it was made public." })
  get disclosed(): PartialDate | null {
    return toPartialDate(this.disclosedOn, this.disclosedPrecision);
  }

  @Field(() => PartialDate, { nullable: true, description: "When the activity stopped." })
  get ended(): PartialDate | null {
    return toPartialDate(this.endedOn, this.endedPrecision);
  }

  @Field(() => [Source])
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}
