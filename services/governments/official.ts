import { Directive, Field, ID, ObjectType } from "type-graphql";
import { connectionType } from "../kit/connection";
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Node, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { DatePrecision, toPartialDate } from "../../platform/partial-date";
import { DateWithPrecision } from "../kit/date-with-precision";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";

@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: "A person who speaks for a government, with the roles held over time.",
})
@Entity({ schema: "governments", name: "official" })
export class Official extends RecordEntity implements Node {
  @Field(() => ID, { description: 'Readable slug: "antony-blinken".' })
  @PrimaryColumn("text")
  id: string;

  @Field(() => String, { description: 'Full name: "Antony J. Blinken".' })
  @Column("text")
  name: string;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Directive("@shareable")
  @Field(() => ID, { description: 'Global id: "Official:antony-blinken".' })
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

  @Field(() => String, { description: 'The title: "Secretary of State".' })
  @Column("text")
  title: string;

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
