import { Directive, Field, ID, ObjectType } from "type-graphql";
import { connectionType } from "../kit/connection";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Node, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";
import { GovernmentKind } from "./enums";

@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: "A state, a union of states (EU), an alliance (NATO) or an organisation.",
})
@Entity({ schema: "governments", name: "government" })
export class Government extends RecordEntity implements Node {
  @Field(() => ID, { description: 'Readable slug: "us", "cn", "eu".' })
  @PrimaryColumn("text")
  id: string;

  @Field(() => String, { description: 'Usual English name: "United States", "China".' })
  @Column("text")
  name: string;

  @Field(() => GovernmentKind, { description: "A state, a union, an alliance or an organisation." })
  @Column("text")
  kind: GovernmentKind;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code, for states." })
  @Column("text", { nullable: true })
  isoAlpha2: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-3 code, for states." })
  @Column("text", { nullable: true })
  isoAlpha3: string | null;

  @Column("text", { array: true, default: () => "'{}'" })
  memberOfIds: string[];

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Directive("@shareable")
  @Field(() => ID, { description: 'Global id: "Government:us".' })
  get globalId(): string {
    return globalId("Government", this.id);
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}

export const GovernmentConnection = connectionType(Government, "Government");
