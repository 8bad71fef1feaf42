import { IsBoolean, IsOptional } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { ConnectionArgs } from "../kit/connection";
import { MAX_FILTER_VALUES, containsPattern, searchText, whereAnyOf } from "../kit/filters";
import {
  EnumField,
  EnumListField,
  IdField,
  IdListField,
  IntField,
  NestedField,
  SLUG,
  NestedListField,
  SourcesField,
  TextField,
  TextListField,
  UrlField,
} from "../kit/inputs";
import { NameOrder, nameOrdering } from "../kit/ordering";
import { type Ordering, SortDirection } from "../kit/pagination";
import { ThreatActorKind } from "./enums";

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

@InputType({ description: "Every field narrows the list; a list field matches any of its values." })
export class ThreatActorFilter {
  @IdListField({ nullable: true, description: "These threat actors.", maxItems: MAX_FILTER_VALUES })
  ids?: string[];

  @EnumListField(() => ThreatActorKind, {
    nullable: true,
    description: "Of these kinds.",
    maxItems: 10,
  })
  kinds?: ThreatActorKind[];

  @IdListField({
    nullable: true,
    description: "Actors sponsored by these governments.",
    maxItems: MAX_FILTER_VALUES,
  })
  sponsorStateIds?: string[];

  @TextListField({
    nullable: true,
    description: 'Actors with an alias coined by any of these, case ignored: "Microsoft".',
    maxItems: MAX_FILTER_VALUES,
    maxLength: 200,
  })
  aliasNamedBy?: string[];

  @TextListField({
    nullable: true,
    description: 'Actors with an external id in any of these systems: "misp-galaxy".',
    maxItems: MAX_FILTER_VALUES,
    maxLength: 100,
  })
  externalIdSystems?: string[];

  @TextField({
    nullable: true,
    description: 'Name or alias, accents ignored, typos tolerated: "Leviathan", "bronze mohawk".',
    maxLength: 200,
  })
  text?: string;
}

@InputType({ description: "Another name of a threat actor, as part of `ThreatActorInput`." })
export class ThreatActorAliasInput {
  @TextField({ description: 'The alias: "Leviathan", "BRONZE MOHAWK".', maxLength: 200 })
  name: string;

  @TextField({
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
  description: "The id of a threat actor in another catalogue, as part of `ThreatActorInput`.",
})
export class ExternalIdInput {
  @TextField({
    description: 'The catalogue, a slug: "misp-galaxy".',
    maxLength: 100,
    pattern: SLUG_TEXT,
  })
  system: string;

  @TextField({
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

  @TextField({ description: 'The name it is best known by: "APT40".', maxLength: 300 })
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

/** Narrows `query` (alias `a`) to the threat actors matching `filter`. */
export function applyThreatActorFilter(
  query: SelectQueryBuilder<ObjectLiteral>,
  filter: ThreatActorFilter,
) {
  whereAnyOf(query, "a.id", "ids", filter.ids);
  whereAnyOf(query, "a.kind", "kinds", filter.kinds);
  whereAnyOf(query, "a.sponsor_state_id", "sponsorStateIds", filter.sponsorStateIds);
  // `&&` on the generated arrays: their GIN indexes answer it.
  if (filter.aliasNamedBy) {
    query.andWhere("a.alias_named_by && :namedBy", {
      namedBy: filter.aliasNamedBy.map((name) => name.toLowerCase()),
    });
  }
  if (filter.externalIdSystems) {
    query.andWhere("a.external_systems && :systems", { systems: filter.externalIdSystems });
  }
  const text = searchText(filter.text, "filter.text");
  if (text) {
    query.andWhere(
      `(a.search_names ILIKE incidents.f_unaccent(:pattern)
        OR incidents.f_unaccent(lower(:text)) <% a.search_names)`,
      { text, pattern: containsPattern(text) },
    );
  }
}

/**
 * By name, or, when `filter.text` searches and no order is asked for, best match first: among
 * ~1,000 actors "Volt Typhoon" also resembles every other "... Typhoon", and by name alone the
 * actor that carries it could be on a later page.
 */
export function threatActorOrdering(
  order: NameOrder | undefined,
  filter: ThreatActorFilter | undefined,
): Ordering {
  const text = searchText(filter?.text, "filter.text");
  if (order || !text) return nameOrdering("a", order);
  return {
    name: `RELEVANCE:${text}`,
    keys: [
      // :text is bound by the filter, which every query ordered this way applies. Rounded: a
      // numeric compares exactly with the value a cursor carries back.
      {
        sql: "round(word_similarity(incidents.f_unaccent(lower(:text)), a.search_names)::numeric, 4)",
        direction: SortDirection.DESC,
      },
      { sql: "a.name", direction: SortDirection.ASC },
      { sql: "a.id", direction: SortDirection.ASC },
    ],
  };
}

@ArgsType()
export class ThreatActorListArgs extends ConnectionArgs {
  @NestedField(() => ThreatActorFilter, {
    nullable: true,
    description: "Only the items matching this.",
  })
  filter?: ThreatActorFilter;

  @NestedField(() => NameOrder, {
    nullable: true,
    description: "Order of the items: by name, or best match first when `filter.text` searches.",
  })
  orderBy?: NameOrder;
}
