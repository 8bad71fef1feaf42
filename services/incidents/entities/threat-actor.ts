import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { type SourceRecord, Source, toSources } from "../../common/source";
import { ThreatActorKind } from "../enums";

@ObjectType({
  simpleResolvers: true,
  description: "Another name of a threat actor, and who coined it.",
})
export class ThreatActorAlias {
  @Field(() => String)
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who coined the alias: "Microsoft", "Proofpoint", "Mandiant".',
  })
  namedBy: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description: "A group behind cyber operations: APT40, Sandworm, REvil.",
})
@Entity({ schema: "incidents", name: "threat_actor" })
export class ThreatActor {
  @Field(() => ID, { description: 'Readable slug: "apt40", "sandworm".' })
  @PrimaryColumn("text")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  @Field(() => ThreatActorKind)
  @Column("text")
  kind: ThreatActorKind;

  @Field(() => [ThreatActorAlias], {
    description: "Other names, as used by vendors and governments (Leviathan, BRONZE MOHAWK).",
  })
  @Column("jsonb", { default: () => "'[]'" })
  aliases: ThreatActorAlias[];

  @Column("text", { nullable: true })
  sponsorStateId: string | null;

  @Column("text", { nullable: true })
  affiliatedAgencyId: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  description: string | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Field(() => [Source])
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}
