import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { type SourceRecord, Source, toSources } from "../../common/source";
import { GovernmentKind } from "../enums";

@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description: "A state, a union of states (EU), an alliance (NATO) or an organisation.",
})
@Entity({ schema: "governments", name: "government" })
export class Government {
  @Field(() => ID, { description: 'Readable slug: "us", "cn", "eu".' })
  @PrimaryColumn("text")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  @Field(() => GovernmentKind)
  @Column("text")
  kind: GovernmentKind;

  @Field(() => String, {
    nullable: true,
    description: "ISO 3166-1 alpha-2 code, for states.",
  })
  @Column("text", { nullable: true })
  isoAlpha2: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO 3166-1 alpha-3 code, for states.",
  })
  @Column("text", { nullable: true })
  isoAlpha3: string | null;

  @Column("text", { array: true, default: () => "'{}'" })
  memberOfIds: string[];

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Field(() => [Source])
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}
