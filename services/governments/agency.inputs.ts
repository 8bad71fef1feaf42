import { Filter, FilterInput } from "../kit/filters";
import { SourcesField } from "../kit/inputs";
import { Enum, Id, Input, Name, Optional } from "../kit/input-fields";
import { NameOrder } from "../kit/ordering";
import { AgencyKind } from "./enums";
import { ListArgs } from "../kit/lists";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class AgencyFilter extends RecordFilter {
  @Filter.Ids("These agencies.") ids?: string[];

  @Filter.Ids("Agencies of these governments.") governmentIds?: string[];

  @Filter.Enums(AgencyKind, "Of these kinds.", 20) kinds?: AgencyKind[];

  @Filter.Search("Part of the name or acronym, accents ignored.") text?: string;
}

@Input("An agency as `upsertAgency` writes it (the bundle format of data/).")
export class AgencyInput {
  @Id('Readable slug, the record\'s key: "cn-mss".') id: string;

  @Name(300, 'Official name: "Ministry of State Security".') name: string;

  @Optional.Name(30, 'Usual acronym: "MSS".') acronym?: string | null;

  @Enum(AgencyKind, "What the agency does.") kind: AgencyKind;

  @Id("The government it belongs to.") government: string;

  @Optional.Id("The agency it is part of (written before it).") parent?: string | null;

  @SourcesField() sources: string[];
}

export const AgencyListArgs = ListArgs(AgencyFilter, NameOrder);
export type AgencyListArgs = InstanceType<typeof AgencyListArgs>;
