import { IsBoolean, IsOptional } from "class-validator";
import { Field } from "type-graphql";
import { Filter, FilterInput } from "../kit/filters";
import { LOWERCASE_WORDS, SLUG_TEXT, SourcesField } from "../kit/inputs";
import { Enum, Id, Input, Name, Optional, Text } from "../kit/input-fields";
import { NameOrder } from "../kit/ordering";
import { ThreatActorKind } from "./enums";
import { ListArgs } from "../kit/lists";
import { RecordFilter } from "../kit/record-time";

/** MISP's galaxy lists dozens of vendor names for the busiest actors. */
export const MAX_ACTOR_ALIASES = 100;
export const MAX_EXTERNAL_IDS = 20;
/** An alias is given by a few of the record's sources; the bound keeps query costs honest. */
export const MAX_ALIAS_SOURCES = 10;
export const MAX_ACTOR_TARGETED_COUNTRIES = 250;
export const MAX_TARGET_CATEGORIES = 50;

@FilterInput()
export class ThreatActorFilter extends RecordFilter {
  @Filter.Ids("These threat actors.") ids?: string[];

  @Filter.Enums(ThreatActorKind, "Of these kinds.", 10) kinds?: ThreatActorKind[];

  @Filter.Ids("Actors sponsored by these governments.") sponsorStateIds?: string[];

  @Filter.Ids(
    'Actors said to operate from any of these governments (`suspectedOrigin`): "cn", or ["cn", "ru"].',
  )
  suspectedOrigin?: string[];

  @Filter.Texts('Actors with an alias coined by any of these, case ignored: "Microsoft".', 200)
  aliasNamedBy?: string[];

  @Filter.Texts('Actors with an external id in any of these systems: "misp-galaxy".', 100)
  externalIdSystems?: string[];

  @Filter.Search('Name or alias, accents ignored, typos tolerated: "Leviathan", "bronze mohawk".')
  text?: string;
}

@Input("Another name of a threat actor, as part of `ThreatActorInput`.")
export class ThreatActorAliasInput {
  @Name(200, 'The alias: "Leviathan", "BRONZE MOHAWK".') name: string;

  @Optional.Name(200, 'Who coined the alias: "Microsoft", "Proofpoint", "Mandiant".')
  namedBy?: string | null;

  // inputs.ts has no boolean decorator: a Boolean needs no limit, GraphQL checks its type.
  @Field(() => Boolean, {
    nullable: true,
    description: "True when another actor (or another source's cluster) also uses this name.",
  })
  @IsOptional()
  @IsBoolean({ message: "must be true or false" })
  ambiguous?: boolean | null;

  @Optional.IdList(
    MAX_ALIAS_SOURCES,
    "Keys of the sources giving this alias; each must be in the record's `sources`.",
  )
  sources?: string[] | null;
}

@Input("Where a threat actor is said to operate from, as part of `ThreatActorInput`.")
export class SuspectedOriginInput {
  @Id('The state it is said to operate from (a Government id): "cn".') government: string;

  @Optional.Name(200, 'Who says so: "MISP threat-actor galaxy", "Mandiant".')
  claimedBy?: string | null;

  @Optional.IdList(
    MAX_ALIAS_SOURCES,
    "Keys of the sources that say so; each must be in the record's `sources`.",
  )
  sources?: string[] | null;
}

@Input("The id of a threat actor in another catalogue, as part of `ThreatActorInput`.")
export class ExternalIdInput {
  @Text(100, 'The catalogue, a slug: "misp-galaxy".', SLUG_TEXT) system: string;

  @Name(200, 'The id there: "5b4ee3ea-eee3-4c8e-8323-85ae32658754".') id: string;

  @Optional.Url("Where the catalogue shows it.") url?: string | null;
}

@Input("A threat actor as `upsertThreatActor` writes it (the bundle format of data/).")
export class ThreatActorInput {
  @Id('Readable slug, the record\'s key: "apt40", "sandworm".') id: string;

  @Name(300, 'The name it is best known by: "APT40".') name: string;

  @Enum(ThreatActorKind, "Who it works for, as far as known.") kind: ThreatActorKind;

  @Optional.NestedList(
    ThreatActorAliasInput,
    MAX_ACTOR_ALIASES,
    "Other names, as used by vendors and governments.",
  )
  aliases?: ThreatActorAliasInput[] | null;

  @Optional.Id("The state said to sponsor it (a Government id, not checked here).")
  sponsorState?: string | null;

  @Optional.Id("The state agency it is said to work for (an Agency id, not checked here).")
  affiliatedAgency?: string | null;

  @Optional.Nested(
    SuspectedOriginInput,
    "Where it is said to operate from, apart from any sponsor: who says so, cited.",
  )
  suspectedOrigin?: SuspectedOriginInput | null;

  @Optional.Int(0, 100, "How confident the source of `sponsorState` is in that link, 0 to 100.")
  sponsorConfidence?: number | null;

  @Optional.Text(10_000, "Who it is and what it does.") description?: string | null;

  @Optional.IdList(
    MAX_ACTOR_TARGETED_COUNTRIES,
    "Countries (or unions) it is said to target: Government ids, not checked here.",
  )
  targetedCountries?: string[] | null;

  @Optional.TextList(
    MAX_TARGET_CATEGORIES,
    100,
    'Kinds of targets, lowercase: "government", "private sector", "military".',
    LOWERCASE_WORDS,
  )
  targetCategories?: string[] | null;

  @Optional.NestedList(
    ExternalIdInput,
    MAX_EXTERNAL_IDS,
    "Its ids in other catalogues; one per system and id.",
  )
  externalIds?: ExternalIdInput[] | null;

  @Optional.Text(
    100,
    'The connector that keeps this record up to date, a slug ("misp-galaxy"); null for a curated record, which connectors only enrich.',
    SLUG_TEXT,
  )
  managedBy?: string | null;

  @SourcesField() sources: string[];
}

export const ThreatActorListArgs = ListArgs(
  ThreatActorFilter,
  NameOrder,
  "Order of the items: by name, or best match first when `filter.text` searches.",
);
export type ThreatActorListArgs = InstanceType<typeof ThreatActorListArgs>;
