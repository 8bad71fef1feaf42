import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { DatePrecision, PartialDate, toPartialDate } from "../../common/partial-date";
import { type SourceRecord, Source, toSources } from "../../common/source";

@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description: "A person who speaks for a government, with the roles held over time.",
})
@Entity({ schema: "governments", name: "official" })
export class Official {
  @Field(() => ID)
  @PrimaryColumn("text")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Field(() => [Source])
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

  @Field(() => String)
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

  @Field(() => PartialDate, { nullable: true })
  get from(): PartialDate | null {
    return toPartialDate(this.fromOn, this.fromPrecision);
  }

  @Field(() => PartialDate, {
    nullable: true,
    description: "Empty while the role is held.",
  })
  get to(): PartialDate | null {
    return toPartialDate(this.toOn, this.toPrecision);
  }
}
