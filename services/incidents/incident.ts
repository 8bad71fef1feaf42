import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { connectionType, listSize } from "../kit/connection";
import { Node, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { type DatePrecision, toPartialDate } from "../../platform/partial-date";
import { DateWithPrecision } from "../kit/date-with-precision";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";
import { IncidentKind } from "./enums";
import { MAX_CVES, MAX_INCIDENT_ALIASES, MAX_SECTORS } from "./incident.inputs";

@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: "A cyber operation: a hack, a ransomware campaign, a sabotage.",
})
@Entity({ schema: "incidents", name: "incident" })
export class Incident extends RecordEntity implements Node {
  @Field(() => ID, { description: 'Readable slug: "microsoft-exchange-2021".' })
  @PrimaryColumn("text")
  id: string;

  @Field(() => String, {
    description: 'Descriptive name: "Microsoft Exchange Server compromise (2021)".',
  })
  @Column("text")
  name: string;

  @Directive(listSize(MAX_INCIDENT_ALIASES))
  @Field(() => [String], { description: 'Other names: "ProxyLogon".' })
  @Column("text", { array: true, default: () => "'{}'" })
  aliases: string[];

  @Field(() => IncidentKind, { description: "What the operation did." })
  @Column("text")
  kind: IncidentKind;

  @Field(() => String, { nullable: true, description: "What happened, in brief." })
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

  @Directive(listSize(MAX_SECTORS))
  @Field(() => [String], { description: 'Targeted sectors, lowercase: "defense", "health".' })
  @Column("text", { array: true, default: () => "'{}'" })
  sectors: string[];

  @Directive(listSize(MAX_CVES))
  @Field(() => [String], { description: 'Exploited vulnerabilities: "CVE-2021-26855".' })
  @Column("text", { array: true, default: () => "'{}'" })
  cves: string[];

  @Column("text", { array: true, default: () => "'{}'" })
  targetedCountryIds: string[];

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Directive("@shareable")
  @Field(() => ID, { description: 'Global id: "Incident:microsoft-exchange-2021".' })
  get globalId(): string {
    return globalId("Incident", this.id);
  }

  @Field(() => DateWithPrecision, { nullable: true, description: "When the activity began." })
  get firstObserved(): DateWithPrecision | null {
    return toPartialDate(this.firstObservedOn, this.firstObservedPrecision);
  }

  @Field(() => DateWithPrecision, { nullable: true, description: "When it was made public." })
  get disclosed(): DateWithPrecision | null {
    return toPartialDate(this.disclosedOn, this.disclosedPrecision);
  }

  @Field(() => DateWithPrecision, { nullable: true, description: "When the activity stopped." })
  get ended(): DateWithPrecision | null {
    return toPartialDate(this.endedOn, this.endedPrecision);
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}

export const IncidentConnection = connectionType(Incident, "Incident");
