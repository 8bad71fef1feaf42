import { InputType } from "type-graphql";
import { FilterInput, IdsFilter, SearchFilter } from "../kit/filters";
import {
  DateField,
  EnumField,
  IdField,
  IdListField,
  LanguageField,
  NestedListField,
  RequireOneOf,
  SourcesField,
  NameField,
  NameListField,
  TextField,
} from "../kit/inputs";
import { ListArgs } from "../kit/lists";
import { NameOrder } from "../kit/ordering";
import { RecordFilter } from "../kit/record-time";
import { PersonNameKind } from "./enums";

export const MAX_PERSON_NAMES = 50;
export const MAX_USED_BY = 20;
export const MAX_AFFILIATIONS = 50;
export const MAX_ITEM_SOURCES = 20;

@FilterInput()
export class PersonFilter extends RecordFilter {
  @IdsFilter("These persons.")
  ids?: string[];

  @SearchFilter(
    'Any spelling of the name, whole or in part, in any word order: accents, case and the usual variants of romanised Russian names ignored ("Anatoly Kovalyov" finds "Anatoliy Kovalev"; see the README).',
  )
  name?: string;

  @IdsFilter('Of any of these nationalities (Government ids): "ru".')
  nationality?: string[];

  @IdsFilter(
    "Affiliated with any of these threat actors: by an affiliation, or as a defendant charged as a member.",
  )
  affiliatedActor?: string[];

  @IdsFilter('With an affiliation to any of these agencies or units (Agency ids): "ru-gru".')
  agency?: string[];
}

export const PersonListArgs = ListArgs(PersonFilter, NameOrder);
export type PersonListArgs = InstanceType<typeof PersonListArgs>;

const SCRIPT = { regex: /^[A-Z][a-z]{3}$/, rule: 'must be an ISO 15924 code such as "Latn"' };

@InputType({ description: "One spelling of a person's name, as part of `PersonInput`." })
export class PersonNameInput {
  @NameField({ description: 'The spelling: "Anatoliy Sergeyevich Kovalev".', maxLength: 300 })
  name: string;

  @EnumField(() => PersonNameKind, { description: "What this spelling is; one PRIMARY." })
  kind: PersonNameKind;

  @LanguageField({ nullable: true, description: "Language of the spelling, where known." })
  language?: string | null;

  @TextField({
    nullable: true,
    description: 'Script (ISO 15924), where known: "Latn", "Hans", "Cyrl".',
    maxLength: 4,
    pattern: SCRIPT,
  })
  script?: string | null;

  @NameListField({
    nullable: true,
    description: 'Who wrote the name this way: "U.S. Department of Justice".',
    maxItems: MAX_USED_BY,
    maxLength: 200,
  })
  usedBy?: string[] | null;

  @IdListField({
    nullable: true,
    description: "Keys of the sources giving this spelling (see `sources`).",
    maxItems: MAX_ITEM_SOURCES,
  })
  sources?: string[] | null;
}

@RequireOneOf(["actor", "agency", "employer"])
@InputType({
  description:
    "Whom a person worked for or with, as part of `PersonInput`: at least one of actor, agency, employer.",
})
export class PersonAffiliationInput {
  @IdField({ nullable: true, description: "A threat actor (in the incidents source)." })
  actor?: string | null;

  @IdField({
    nullable: true,
    description: 'An agency or military unit (in the governments source): "ru-gru-unit-74455".',
  })
  agency?: string | null;

  @NameField({
    nullable: true,
    description: 'The employer or unit as the source names it: "Huaying Haitai".',
    maxLength: 300,
  })
  employer?: string | null;

  @TextField({
    nullable: true,
    description: 'The person\'s role there, as the source words it: "officer".',
    maxLength: 300,
  })
  role?: string | null;

  @DateField({ nullable: true, description: "Since when, where known." })
  from?: string | null;

  @DateField({ nullable: true, description: "Until when; not before `from`." })
  to?: string | null;

  @IdListField({
    nullable: true,
    description: "Keys of the sources stating it (see `sources`).",
    maxItems: MAX_ITEM_SOURCES,
  })
  sources?: string[] | null;
}

@InputType({
  description:
    "A person as `upsertPerson` writes it, with every spelling of their name and their affiliations (the bundle format of data/). Legal actions name them in their defendants (`person`).",
})
export class PersonInput {
  @IdField({ description: 'Readable slug, the record\'s key: "ding-xiaoyang".' })
  id: string;

  @NestedListField(() => PersonNameInput, {
    description:
      "Every spelling of the name, with exactly one PRIMARY: the name the record goes by.",
    maxItems: MAX_PERSON_NAMES,
  })
  names: PersonNameInput[];

  @IdField({ nullable: true, description: "Government of their nationality." })
  nationality?: string | null;

  @DateField({ nullable: true, description: "Birth date, only where published, as precise." })
  birthDate?: string | null;

  @NameField({
    nullable: true,
    description: "Birth place, only where published.",
    maxLength: 300,
  })
  birthPlace?: string | null;

  @NestedListField(() => PersonAffiliationInput, {
    nullable: true,
    description: "Affiliations: threat actors, agencies or units, employers, with dates.",
    maxItems: MAX_AFFILIATIONS,
  })
  affiliations?: PersonAffiliationInput[] | null;

  @SourcesField()
  sources: string[];
}
