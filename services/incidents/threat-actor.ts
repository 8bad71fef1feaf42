import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { connectionType, listSize } from "../common/connection";
import { Node, globalId } from "../common/node";
import { type Source, type SourceRecord, SourcesList, toSources } from "../common/source";
import { ThreatActorKind } from "./enums";
import { MAX_ACTOR_ALIASES } from "./threat-actor.inputs";

@ObjectType({
  simpleResolvers: true,
  description: "Another name of a threat actor, and who coined it.",
})
export class ThreatActorAlias {
  @Field(() => String, { description: 'The alias: "Leviathan", "BRONZE MOHAWK".' })
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who coined the alias: "Microsoft", "Proofpoint", "Mandiant".',
  })
  namedBy: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: "A group behind cyber operations: APT40, Sandworm, REvil.",
})
@Entity({ schema: "incidents", name: "threat_actor" })
export class ThreatActor implements Node {
  @Field(() => ID, { description: 'Readable slug: "apt40", "sandworm".' })
  @PrimaryColumn("text")
  id: string;

  @Field(() => String, { description: 'The name it is best known by: "APT40".' })
  @Column("text")
  name: string;

  @Field(() => ThreatActorKind, { description: "Who it works for, as far as known." })
  @Column("text")
  kind: ThreatActorKind;

  @Directive(listSize(MAX_ACTOR_ALIASES))
  @Field(() => [ThreatActorAlias], {
    description: "Other names, as used by vendors and governments (Leviathan, BRONZE MOHAWK).",
  })
  @Column("jsonb", { default: () => "'[]'" })
  aliases: ThreatActorAlias[];

  @Column("text", { nullable: true })
  sponsorStateId: string | null;

  @Column("text", { nullable: true })
  affiliatedAgencyId: string | null;

  @Field(() => String, { nullable: true, description: "Who it is and what it does." })
  @Column("text", { nullable: true })
  description: string | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @Directive("@shareable")
  @Field(() => ID, { description: 'Global id: "ThreatActor:apt40".' })
  get globalId(): string {
    return globalId("ThreatActor", this.id);
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}

export const ThreatActorConnection = connectionType(ThreatActor, "ThreatActor");
