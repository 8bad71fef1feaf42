import { Directive, Field } from "type-graphql";
import { Column } from "typeorm";
import {
  EnumColumn,
  IdColumn,
  OptionalTextColumn,
  TextArrayColumn,
  TextColumn,
} from "../kit/columns";
import { connectionType, listSize } from "../kit/connection";
import { GlobalIdField, Node, NodeEntity, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { type DatePrecision, toPartialDate } from "../../platform/partial-date";
import { DateWithPrecision } from "../kit/date-with-precision";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";
import { IncidentKind } from "./enums";
import { MAX_CVES, MAX_INCIDENT_ALIASES, MAX_SECTORS } from "./incident.inputs";

@NodeEntity({
  schema: "incidents",
  name: "incident",
  description: "A cyber operation: a hack, a ransomware campaign, a sabotage.",
})
export class Incident extends RecordEntity implements Node {
  @IdColumn('Readable slug: "microsoft-exchange-2021".') id: string;

  @TextColumn('Descriptive name: "Microsoft Exchange Server compromise (2021)".') name: string;

  @Directive(listSize(MAX_INCIDENT_ALIASES))
  @TextArrayColumn('Other names: "ProxyLogon".')
  aliases: string[];

  @EnumColumn(IncidentKind, "What the operation did.") kind: IncidentKind;

  @OptionalTextColumn("What happened, in brief.") summary: string | null;

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

  @OptionalTextColumn('Impact as stated by the source: "tens of thousands of accounts".')
  impact: string | null;

  @Directive(listSize(MAX_SECTORS))
  @TextArrayColumn('Targeted sectors, lowercase: "defense", "health".')
  sectors: string[];

  @Directive(listSize(MAX_CVES))
  @TextArrayColumn('Exploited vulnerabilities: "CVE-2021-26855".')
  cves: string[];

  @Column("text", { array: true, default: () => "'{}'" })
  targetedCountryIds: string[];

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @GlobalIdField('Global id: "Incident:microsoft-exchange-2021".')
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
