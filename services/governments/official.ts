import { Field, ObjectType } from "type-graphql";
import { connectionType } from "../kit/connection";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { IdColumn, TextColumn } from "../kit/columns";
import { GlobalIdField, Node, NodeEntity, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { DatePrecision, toPartialDate } from "../../platform/partial-date";
import { DateWithPrecision } from "../kit/date-with-precision";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";

@NodeEntity({
  schema: "governments",
  name: "official",
  description: "A person who speaks for a government, with the roles held over time.",
})
export class Official extends RecordEntity implements Node {
  @IdColumn('Readable slug: "antony-blinken".') id: string;

  @TextColumn('Full name: "Antony J. Blinken".') name: string;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @GlobalIdField('Global id: "Official:antony-blinken".')
  get globalId(): string {
    return globalId("Official", this.id);
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}

@ObjectType({
  simpleResolvers: true,
  description: "A title held by an official, at an agency, over a period.",
})
@Entity({ schema: "governments", name: "official_role" })
export class OfficialRole {
  @PrimaryGeneratedColumn("identity")
  key: number;

  @Column("text")
  officialId: string;

  @Column("int")
  position: number;

  @TextColumn('The title: "Secretary of State".') title: string;

  @Column("text", { nullable: true })
  agencyId: string | null;

  @Column("text")
  governmentId: string;

  @Column("date", { nullable: true })
  fromOn: string | null;

  @Column("text", { nullable: true })
  fromPrecision: DatePrecision | null;

  @Column("date", { nullable: true })
  toOn: string | null;

  @Column("text", { nullable: true })
  toPrecision: DatePrecision | null;

  @Field(() => DateWithPrecision, { nullable: true, description: "When the role began." })
  get from(): DateWithPrecision | null {
    return toPartialDate(this.fromOn, this.fromPrecision);
  }

  @Field(() => DateWithPrecision, {
    nullable: true,
    description: "When the role ended; null while it is held.",
  })
  get to(): DateWithPrecision | null {
    return toPartialDate(this.toOn, this.toPrecision);
  }
}

export const OfficialConnection = connectionType(Official, "Official");
