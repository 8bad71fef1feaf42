import { Directive, Field, ID, ObjectType } from "type-graphql";
import { connectionType } from "../kit/connection";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Node, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";
import { AgencyKind } from "./enums";

@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: "A ministry, office or service of a government: US DOJ, China's MSS, EEAS.",
})
@Entity({ schema: "governments", name: "agency" })
export class Agency extends RecordEntity implements Node {
  @Field(() => ID, { description: 'Readable slug: "us-doj", "cn-mss".' })
  @PrimaryColumn("text")
  id: string;

  @Field(() => String, { description: 'Official name: "Ministry of State Security".' })
  @Column("text")
  name: string;

  @Field(() => String, { nullable: true, description: 'Usual acronym: "MSS", "DOJ".' })
  @Column("text", { nullable: true })
  acronym: string | null;

  @Field(() => AgencyKind, { description: "What the agency does." })
  @Column("text")
  kind: AgencyKind;

  @Column("text")
  governmentId: string;

  @Column("text", { nullable: true })
  parentId: string | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Directive("@shareable")
  @Field(() => ID, { description: 'Global id: "Agency:cn-mss".' })
  get globalId(): string {
    return globalId("Agency", this.id);
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}

export const AgencyConnection = connectionType(Agency, "Agency");
