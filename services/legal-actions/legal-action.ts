import { Directive, Field, ObjectType } from "type-graphql";
import { Column } from "typeorm";
import { EnumColumn, IdColumn, OptionalTextColumn, TextColumn } from "../kit/columns";
import { connectionType, listSize } from "../kit/connection";
import { GlobalIdField, Node, NodeEntity, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { DatePrecision, toPartialDate } from "../../platform/partial-date";
import { DateWithPrecision } from "../kit/date-with-precision";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";
import { LegalActionKind, LegalActionStatus } from "./enums";
import { MAX_MEASURES } from "./legal-action.inputs";

@ObjectType({
  simpleResolvers: true,
  description: "A sanctions listing: the regime and the measures imposed.",
})
export class Sanctions {
  @Field(() => String, { description: 'The legal basis: "EU cyber sanctions regime".' })
  regime: string;

  @Directive(listSize(MAX_MEASURES))
  @Field(() => [String], {
    description: 'The measures imposed, as the source words them: "asset freeze", "travel ban".',
  })
  measures: string[];
}

@NodeEntity({
  schema: "legal",
  name: "legal_action",
  description: "What the law did: an indictment, a complaint, a sanction, an arrest.",
})
export class LegalAction extends RecordEntity implements Node {
  @IdColumn('Readable slug: "us-v-ding-xiaoyang-2021".') id: string;

  @EnumColumn(LegalActionKind, "What the law did.") kind: LegalActionKind;

  @TextColumn('Title as the source gives it: "United States v. Zhu Hua and Zhang Shilong".')
  title: string;

  @OptionalTextColumn("What the action is about, in brief.") summary: string | null;

  @Column("text")
  jurisdictionId: string;

  @Column("text", { nullable: true })
  authorityId: string | null;

  @OptionalTextColumn('The court: "U.S. District Court for the Southern District of California".')
  court: string | null;

  @OptionalTextColumn("Docket number, as the court gives it.") caseNumber: string | null;

  @Column("date", { nullable: true })
  filedOn: string | null;

  @Column("text", { nullable: true })
  filedPrecision: DatePrecision | null;

  @Column("date", { nullable: true })
  unsealedOn: string | null;

  @Column("text", { nullable: true })
  unsealedPrecision: DatePrecision | null;

  @Column("date", { nullable: true })
  announcedOn: string | null;

  @Column("text", { nullable: true })
  announcedPrecision: DatePrecision | null;

  @Column("date", { nullable: true })
  conductFromOn: string | null;

  @Column("text", { nullable: true })
  conductFromPrecision: DatePrecision | null;

  @Column("date", { nullable: true })
  conductToOn: string | null;

  @Column("text", { nullable: true })
  conductToPrecision: DatePrecision | null;

  @EnumColumn(LegalActionStatus, "Where the action stands.") status: LegalActionStatus;

  @Column("text", { nullable: true })
  sanctionsRegime: string | null;

  @Column("text", { array: true, default: () => "'{}'" })
  sanctionsMeasures: string[];

  @Column("text", { array: true, default: () => "'{}'" })
  relatedIncidentIds: string[];

  @Column("text", { array: true, default: () => "'{}'" })
  relatedActorIds: string[];

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @GlobalIdField('Global id: "LegalAction:us-v-ding-xiaoyang-2021".')
  get globalId(): string {
    return globalId("LegalAction", this.id);
  }

  @Field(() => DateWithPrecision, { nullable: true, description: "When the case was filed." })
  get filed(): DateWithPrecision | null {
    return toPartialDate(this.filedOn, this.filedPrecision);
  }

  @Field(() => DateWithPrecision, {
    nullable: true,
    description: "When a sealed indictment or complaint was unsealed.",
  })
  get unsealed(): DateWithPrecision | null {
    return toPartialDate(this.unsealedOn, this.unsealedPrecision);
  }

  @Field(() => DateWithPrecision, { nullable: true, description: "When it was made public." })
  get announced(): DateWithPrecision | null {
    return toPartialDate(this.announcedOn, this.announcedPrecision);
  }

  @Field(() => DateWithPrecision, {
    nullable: true,
    description: "Start of the conduct charged or sanctioned.",
  })
  get conductFrom(): DateWithPrecision | null {
    return toPartialDate(this.conductFromOn, this.conductFromPrecision);
  }

  @Field(() => DateWithPrecision, { nullable: true, description: "End of the conduct." })
  get conductTo(): DateWithPrecision | null {
    return toPartialDate(this.conductToOn, this.conductToPrecision);
  }

  @Field(() => Sanctions, { nullable: true, description: "For sanctions: regime and measures." })
  get sanctions(): Sanctions | null {
    if (this.sanctionsRegime === null) return null;
    return Object.assign(new Sanctions(), {
      regime: this.sanctionsRegime,
      measures: this.sanctionsMeasures,
    });
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}

export const LegalActionConnection = connectionType(LegalAction, "LegalAction");
