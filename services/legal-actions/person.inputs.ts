import { Filter, FilterInput } from "../kit/filters";
import { RequireOneOf, SourcesField } from "../kit/inputs";
import { Enum, Id, Input, Name, NestedList, Optional } from "../kit/input-fields";
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
  @Filter.Ids("These persons.") ids?: string[];

  @Filter.Search(
    'Any spelling of the name, whole or in part, in any word order: accents, case and the usual variants of romanised Russian names ignored ("Anatoly Kovalyov" finds "Anatoliy Kovalev"; see the README).',
  )
  name?: string;

  @Filter.Ids('Of any of these nationalities (Government ids): "ru".') nationality?: string[];

  @Filter.Ids(
    "Affiliated with any of these threat actors: by an affiliation, or as a defendant charged as a member.",
  )
  affiliatedActor?: string[];

  @Filter.Ids('With an affiliation to any of these agencies or units (Agency ids): "ru-gru".')
  agency?: string[];
}

export const PersonListArgs = ListArgs(PersonFilter, NameOrder);
export type PersonListArgs = InstanceType<typeof PersonListArgs>;

const SCRIPT = { regex: /^[A-Z][a-z]{3}$/, rule: 'must be an ISO 15924 code such as "Latn"' };

@Input("One spelling of a person's name, as part of `PersonInput`.")
export class PersonNameInput {
  @Name(300, 'The spelling: "Anatoliy Sergeyevich Kovalev".') name: string;

  @Enum(PersonNameKind, "What this spelling is; one PRIMARY.") kind: PersonNameKind;

  @Optional.Language("Language of the spelling, where known.") language?: string | null;

  @Optional.Text(4, 'Script (ISO 15924), where known: "Latn", "Hans", "Cyrl".', SCRIPT)
  script?: string | null;

  @Optional.NameList(MAX_USED_BY, 200, 'Who wrote the name this way: "U.S. Department of Justice".')
  usedBy?: string[] | null;

  @Optional.IdList(MAX_ITEM_SOURCES, "Keys of the sources giving this spelling (see `sources`).")
  sources?: string[] | null;
}

@RequireOneOf(["actor", "agency", "employer"])
@Input(
  "Whom a person worked for or with, as part of `PersonInput`: at least one of actor, agency, employer.",
)
export class PersonAffiliationInput {
  @Optional.Id("A threat actor (in the incidents source).") actor?: string | null;

  @Optional.Id('An agency or military unit (in the governments source): "ru-gru-unit-74455".')
  agency?: string | null;

  @Optional.Name(300, 'The employer or unit as the source names it: "Huaying Haitai".')
  employer?: string | null;

  @Optional.Text(300, 'The person\'s role there, as the source words it: "officer".')
  role?: string | null;

  @Optional.PartialDate("Since when, where known.") from?: string | null;

  @Optional.PartialDate("Until when; not before `from`.") to?: string | null;

  @Optional.IdList(MAX_ITEM_SOURCES, "Keys of the sources stating it (see `sources`).")
  sources?: string[] | null;
}

@Input(
  "A person as `upsertPerson` writes it, with every spelling of their name and their affiliations (the bundle format of data/). Legal actions name them in their defendants (`person`).",
)
export class PersonInput {
  @Id('Readable slug, the record\'s key: "ding-xiaoyang".') id: string;

  @NestedList(
    PersonNameInput,
    MAX_PERSON_NAMES,
    "Every spelling of the name, with exactly one PRIMARY: the name the record goes by.",
  )
  names: PersonNameInput[];

  @Optional.Id("Government of their nationality.") nationality?: string | null;

  @Optional.PartialDate("Birth date, only where published, as precise.") birthDate?: string | null;

  @Optional.Name(300, "Birth place, only where published.") birthPlace?: string | null;

  @Optional.NestedList(
    PersonAffiliationInput,
    MAX_AFFILIATIONS,
    "Affiliations: threat actors, agencies or units, employers, with dates.",
  )
  affiliations?: PersonAffiliationInput[] | null;

  @SourcesField() sources: string[];
}
