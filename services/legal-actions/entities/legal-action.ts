import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { DatePrecision, PartialDate, toPartialDate } from "../../common/partial-date";
import { type SourceRecord, Source, toSources } from "../../common/source";
import { LegalActionKind, LegalActionStatus } from "../enums";

@ObjectType({
  simpleResolvers: true,
  description: "A sanctions listing: the regime and the measures imposed.",
})
export class Sanctions {
  @Field(() => String, { description: 'The legal basis: "EU cyber sanctions regime".' })
  regime: string;

  @Field(() => [String], { description: '"asset freeze", "travel ban", ...' })
  measures: string[];
}

@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description: "What the law did: an indictment, a complaint, a sanction, an arrest.",
})
@Entity({ schema: "legal", name: "legal_action" })
export class LegalAction {
  @Field(() => ID, { description: 'Readable slug: "us-v-ding-xiaoyang-2021".' })
  @PrimaryColumn("text")
  id: string;

  @Field(() => LegalActionKind)
  @Column("text")
  kind: LegalActionKind;

  @Field(() => String)
  @Column("text")
  title: string;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  summary: string | null;

  @Column("text")
  jurisdictionId: string;

  @Column("text", { nullable: true })
  authorityId: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  court: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  caseNumber: string | null;

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

  @Field(() => LegalActionStatus)
  @Column("text")
  status: LegalActionStatus;

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

  @Field(() => PartialDate, { nullable: true, description: "When the case was filed." })
  get filed(): PartialDate | null {
    return toPartialDate(this.filedOn, this.filedPrecision);
  }

  @Field(() => PartialDate, { nullable: true })
  get unsealed(): PartialDate | null {
    return toPartialDate(this.unsealedOn, this.unsealedPrecision);
  }

  @Field(() => PartialDate, { nullable: true, description: "When it was made public." })
  get announced(): PartialDate | null {
    return toPartialDate(this.announcedOn, this.announcedPrecision);
  }

  @Field(() => PartialDate, {
    nullable: true,
    description: "Start of the conduct charged or sanctioned.",
  })
  get conductFrom(): PartialDate | null {
    return toPartialDate(this.conductFromOn, this.conductFromPrecision);
  }

  @Field(() => PartialDate, { nullable: true, description: "End of the conduct." })
  get conductTo(): PartialDate | null {
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

  @Field(() => [Source])
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}
