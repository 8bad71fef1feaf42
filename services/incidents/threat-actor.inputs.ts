import { IsBoolean, IsOptional } from "class-validator";
import { Field, InputType } from "type-graphql";
import { FilterInput, IdsFilter, EnumsFilter, TextsFilter, SearchFilter } from "../kit/filters";
import {
  EnumField,
  IdField,
  IdListField,
  IntField,
  NameField,
  NestedField,
  NestedListField,
  SLUG,
  SourcesField,
  TextField,
  TextListField,
  UrlField,
} from "../kit/inputs";
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

const SLUG_TEXT = {
  regex: SLUG,
  rule: "must be a slug: lowercase letters, digits and single hyphens",
};
const CATEGORY = {
  regex: /^[a-z][a-z0-9 -]*$/,
  rule: "must be lowercase words: letters, digits, spaces and hyphens, starting with a letter",
};

@FilterInput()
export class ThreatActorFilter extends RecordFilter {
  @IdsFilter("These threat actors.")
  ids?: string[];

  @EnumsFilter(() => ThreatActorKind, "Of these kinds.", 10)
  kinds?: ThreatActorKind[];

  @IdsFilter("Actors sponsored by these governments.")
  sponsorStateIds?: string[];

  @IdsFilter(
    'Actors said to operate from any of these governments (`suspectedOrigin`): "cn", or ["cn", "ru"].',
  )
  suspectedOrigin?: string[];

  @TextsFilter('Actors with an alias coined by any of these, case ignored: "Microsoft".', 200)
  aliasNamedBy?: string[];

  @TextsFilter('Actors with an external id in any of these systems: "misp-galaxy".', 100)
  externalIdSystems?: string[];

  @SearchFilter('Name or alias, accents ignored, typos tolerated: "Leviathan", "bronze mohawk".')
  text?: string;
}

@InputType({ description: "Another name of a threat actor, as part of `ThreatActorInput`." })
export class ThreatActorAliasInput {
  @NameField({ description: 'The alias: "Leviathan", "BRONZE MOHAWK".', maxLength: 200 })
  name: string;

  @NameField({
    nullable: true,
    description: 'Who coined the alias: "Microsoft", "Proofpoint", "Mandiant".',
    maxLength: 200,
  })
  namedBy?: string | null;

  // inputs.ts has no boolean decorator: a Boolean needs no limit, GraphQL checks its type.
  @Field(() => Boolean, {
    nullable: true,
    description: "True when another actor (or another source's cluster) also uses this name.",
  })
  @IsOptional()
  @IsBoolean({ message: "must be true or false" })
  ambiguous?: boolean | null;

  @IdListField({
    nullable: true,
    description: "Keys of the sources giving this alias; each must be in the record's `sources`.",
    maxItems: MAX_ALIAS_SOURCES,
  })
  sources?: string[] | null;
}

@InputType({
  description: "Where a threat actor is said to operate from, as part of `ThreatActorInput`.",
})
export class SuspectedOriginInput {
  @IdField({ description: 'The state it is said to operate from (a Government id): "cn".' })
  government: string;

  @NameField({
    nullable: true,
    description: 'Who says so: "MISP threat-actor galaxy", "Mandiant".',
    maxLength: 200,
  })
  claimedBy?: string | null;

  @IdListField({
    nullable: true,
    description: "Keys of the sources that say so; each must be in the record's `sources`.",
    maxItems: MAX_ALIAS_SOURCES,
  })
  sources?: string[] | null;
}

@InputType({
  description: "The id of a threat actor in another catalogue, as part of `ThreatActorInput`.",
})
export class ExternalIdInput {
  @TextField({
    description: 'The catalogue, a slug: "misp-galaxy".',
    maxLength: 100,
    pattern: SLUG_TEXT,
  })
  system: string;

  @NameField({
    description: 'The id there: "5b4ee3ea-eee3-4c8e-8323-85ae32658754".',
    maxLength: 200,
  })
  id: string;

  @UrlField({ nullable: true, description: "Where the catalogue shows it." })
  url?: string | null;
}

@InputType({
  description: "A threat actor as `upsertThreatActor` writes it (the bundle format of data/).",
})
export class ThreatActorInput {
  @IdField({ description: 'Readable slug, the record\'s key: "apt40", "sandworm".' })
  id: string;

  @NameField({ description: 'The name it is best known by: "APT40".', maxLength: 300 })
  name: string;

  @EnumField(() => ThreatActorKind, { description: "Who it works for, as far as known." })
  kind: ThreatActorKind;

  @NestedListField(() => ThreatActorAliasInput, {
    nullable: true,
    description: "Other names, as used by vendors and governments.",
    maxItems: MAX_ACTOR_ALIASES,
  })
  aliases?: ThreatActorAliasInput[] | null;

  @IdField({
    nullable: true,
    description: "The state said to sponsor it (a Government id, not checked here).",
  })
  sponsorState?: string | null;

  @IdField({
    nullable: true,
    description: "The state agency it is said to work for (an Agency id, not checked here).",
  })
  affiliatedAgency?: string | null;

  @NestedField(() => SuspectedOriginInput, {
    nullable: true,
    description: "Where it is said to operate from, apart from any sponsor: who says so, cited.",
  })
  suspectedOrigin?: SuspectedOriginInput | null;

  @IntField({
    nullable: true,
    description: "How confident the source of `sponsorState` is in that link, 0 to 100.",
    min: 0,
    max: 100,
  })
  sponsorConfidence?: number | null;

  @TextField({ nullable: true, description: "Who it is and what it does.", maxLength: 10_000 })
  description?: string | null;

  @IdListField({
    nullable: true,
    description: "Countries (or unions) it is said to target: Government ids, not checked here.",
    maxItems: MAX_ACTOR_TARGETED_COUNTRIES,
  })
  targetedCountries?: string[] | null;

  @TextListField({
    nullable: true,
    description: 'Kinds of targets, lowercase: "government", "private sector", "military".',
    maxItems: MAX_TARGET_CATEGORIES,
    maxLength: 100,
    pattern: CATEGORY,
  })
  targetCategories?: string[] | null;

  @NestedListField(() => ExternalIdInput, {
    nullable: true,
    description: "Its ids in other catalogues; one per system and id.",
    maxItems: MAX_EXTERNAL_IDS,
  })
  externalIds?: ExternalIdInput[] | null;

  @TextField({
    nullable: true,
    description:
      'The connector that keeps this record up to date, a slug ("misp-galaxy"); null for a curated record, which connectors only enrich.',
    maxLength: 100,
    pattern: SLUG_TEXT,
  })
  managedBy?: string | null;

  @SourcesField()
  sources: string[];
}

export const ThreatActorListArgs = ListArgs(
  ThreatActorFilter,
  NameOrder,
  "Order of the items: by name, or best match first when `filter.text` searches.",
);
export type ThreatActorListArgs = InstanceType<typeof ThreatActorListArgs>;
