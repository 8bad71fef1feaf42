import { Directive, Field, ObjectType } from "type-graphql";
import { Column } from "typeorm";
import {
  EnumColumn,
  IdColumn,
  OptionalIntColumn,
  OptionalTextColumn,
  TextArrayColumn,
  TextColumn,
} from "../kit/columns";
import { connectionType, listSize } from "../kit/connection";
import { GlobalIdField, Node, NodeEntity, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import { ref } from "../kit/references";
import { GovernmentRef } from "./references";
import type { SourceRecord } from "../../platform/bundle";
import { Source, SourcesList, toSources } from "../kit/source";
import { ThreatActorKind } from "./enums";
import { MAX_ALIAS_SOURCES, MAX_TARGET_CATEGORIES } from "./threat-actor.inputs";

/** An alias as stored (jsonb): `sources` are keys of the actor's own sources. */
export interface StoredAlias {
  name: string;
  namedBy: string | null;
  ambiguous?: boolean;
  sources?: string[];
}

@ObjectType({
  simpleResolvers: true,
  description: "Another name of a threat actor, who coined it, and where it is given.",
})
export class ThreatActorAlias {
  @Field(() => String, { description: 'The alias: "Leviathan", "BRONZE MOHAWK".' }) name: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who coined the alias: "Microsoft", "Proofpoint", "Mandiant".',
  })
  namedBy: string | null;

  @Field(() => Boolean, {
    description:
      "True when another actor (or another cluster of the same catalogue) also uses this name: it alone does not identify the actor.",
  })
  ambiguous: boolean;

  @Directive(listSize(MAX_ALIAS_SOURCES))
  @Field(() => [Source], { description: "The actor's sources that give this alias." })
  sources: Source[];
}

@ObjectType({
  simpleResolvers: true,
  description: "The id of a threat actor in another catalogue: MISP's galaxy, MITRE ATT&CK.",
})
export class ExternalId {
  @Field(() => String, { description: 'The catalogue: "misp-galaxy".' }) system: string;

  @Field(() => String, { description: "The id there (for MISP, the cluster's uuid)." }) id: string;

  @Field(() => String, { nullable: true, description: "Where the catalogue shows it." })
  url: string | null;
}

@ObjectType({
  description:
    "Where a threat actor is said to operate from, as a source states it: not a claim of sponsorship (`sponsorState`).",
})
export class SuspectedOrigin {
  @Field(() => GovernmentRef, { description: "The state it is said to operate from." })
  government: GovernmentRef;

  @Field(() => String, {
    nullable: true,
    description: 'Who says so: "MISP threat-actor galaxy", "Mandiant".',
  })
  claimedBy: string | null;

  @Directive(listSize(MAX_ALIAS_SOURCES))
  @Field(() => [Source], { description: "The actor's sources that say so." })
  sources: Source[];
}

@NodeEntity({
  schema: "incidents",
  name: "threat_actor",
  description: "A group behind cyber operations: APT40, Sandworm, REvil.",
})
export class ThreatActor extends RecordEntity implements Node {
  @IdColumn('Readable slug: "apt40", "sandworm".') id: string;

  @TextColumn('The name it is best known by: "APT40".') name: string;

  @EnumColumn(ThreatActorKind, "Who it works for, as far as known.") kind: ThreatActorKind;

  /** Served by `ThreatActorResolver.aliases`, with each alias's sources resolved. */
  @Column("jsonb", { default: () => "'[]'" })
  aliases: StoredAlias[];

  @Column("text", { nullable: true })
  sponsorStateId: string | null;

  @OptionalIntColumn(
    "How confident the source of `sponsorState` is in that link, 0 to 100 (MISP's attribution-confidence).",
  )
  sponsorConfidence: number | null;

  @Column("text", { nullable: true })
  affiliatedAgencyId: string | null;

  @Column("text", { nullable: true })
  suspectedOriginId: string | null;

  @Column("text", { nullable: true })
  suspectedOriginBy: string | null;

  @Column("text", { array: true, default: () => "'{}'" })
  suspectedOriginSources: string[];

  @OptionalTextColumn("Who it is and what it does.") description: string | null;

  @Column("text", { array: true, default: () => "'{}'" })
  targetedCountryIds: string[];

  @Directive(listSize(MAX_TARGET_CATEGORIES))
  @TextArrayColumn('Kinds of targets, lowercase: "government", "private sector", "military".')
  targetCategories: string[];

  @Column("jsonb", { default: () => "'[]'" })
  externalIds: ExternalId[];

  @OptionalTextColumn(
    'The connector that keeps this record up to date ("misp-galaxy"); null for a curated record, which connectors only enrich.',
  )
  managedBy: string | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @GlobalIdField('Global id: "ThreatActor:apt40".')
  get globalId(): string {
    return globalId("ThreatActor", this.id);
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }

  /** Not simple fields: the schema names differ from the stored columns they map. */
  aliasList(): ThreatActorAlias[] {
    const sources = this.sources;
    return this.aliases.map((alias) =>
      Object.assign(new ThreatActorAlias(), {
        name: alias.name,
        namedBy: alias.namedBy ?? null,
        ambiguous: alias.ambiguous ?? false,
        sources: sources.filter((source) => alias.sources?.includes(source.id)),
      }),
    );
  }

  suspectedOrigin(): SuspectedOrigin | null {
    if (!this.suspectedOriginId) return null;
    return Object.assign(new SuspectedOrigin(), {
      government: ref(GovernmentRef, this.suspectedOriginId),
      claimedBy: this.suspectedOriginBy,
      sources: this.sources.filter((source) => this.suspectedOriginSources.includes(source.id)),
    });
  }

  externalIdList(): ExternalId[] {
    return this.externalIds.map((e) =>
      Object.assign(new ExternalId(), { system: e.system, id: e.id, url: e.url ?? null }),
    );
  }
}

export const ThreatActorConnection = connectionType(ThreatActor, "ThreatActor");
