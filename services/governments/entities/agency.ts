import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { type SourceRecord, Source, toSources } from "../../common/source";
import { AgencyKind } from "../enums";

@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description: "A ministry, office or service of a government: US DOJ, China's MSS, EEAS.",
})
@Entity({ schema: "governments", name: "agency" })
export class Agency {
  @Field(() => ID)
  @PrimaryColumn("text")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  acronym: string | null;

  @Field(() => AgencyKind)
  @Column("text")
  kind: AgencyKind;

  @Column("text")
  governmentId: string;

  @Column("text", { nullable: true })
  parentId: string | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Field(() => [Source])
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}
