import { ArgsType, InputType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { ConnectionArgs } from "../common/connection";
import { MAX_FILTER_VALUES, containsPattern, searchText, whereAnyOf } from "../common/filters";
import {
  EnumField,
  EnumListField,
  IdField,
  IdListField,
  NestedField,
  NestedListField,
  SourcesField,
  TextField,
} from "../common/inputs";
import { NameOrder } from "../common/ordering";
import { ThreatActorKind } from "./enums";

/** MISP's galaxy lists dozens of vendor names for the busiest actors. */
export const MAX_ACTOR_ALIASES = 100;

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

  @TextField({ nullable: true, description: "Who it is and what it does.", maxLength: 10_000 })
  description?: string | null;

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
  const text = searchText(filter.text, "filter.text");
  if (text) {
    query.andWhere(
      `(a.search_names ILIKE incidents.f_unaccent(:pattern)
        OR incidents.f_unaccent(lower(:text)) <% a.search_names)`,
      { text, pattern: containsPattern(text) },
    );
  }
}

@ArgsType()
export class ThreatActorListArgs extends ConnectionArgs {
  @NestedField(() => ThreatActorFilter, {
    nullable: true,
    description: "Only the items matching this.",
  })
  filter?: ThreatActorFilter;

  @NestedField(() => NameOrder, { nullable: true, description: "Order of the items." })
  orderBy?: NameOrder;
}
