import { InputType } from "type-graphql";
import { FilterInput, IdsFilter, EnumsFilter, SearchFilter } from "../kit/filters";
import { EnumField, IdField, NameField, SourcesField } from "../kit/inputs";
import { NameOrder } from "../kit/ordering";
import { AgencyKind } from "./enums";
import { ListArgs } from "../kit/lists";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class AgencyFilter extends RecordFilter {
  @IdsFilter("These agencies.")
  ids?: string[];

  @IdsFilter("Agencies of these governments.")
  governmentIds?: string[];

  @EnumsFilter(() => AgencyKind, "Of these kinds.", 20)
  kinds?: AgencyKind[];

  @SearchFilter("Part of the name or acronym, accents ignored.")
  text?: string;
}

@InputType({ description: "An agency as `upsertAgency` writes it (the bundle format of data/)." })
export class AgencyInput {
  @IdField({ description: 'Readable slug, the record\'s key: "cn-mss".' })
  id: string;

  @NameField({ description: 'Official name: "Ministry of State Security".', maxLength: 300 })
  name: string;

  @NameField({ nullable: true, description: 'Usual acronym: "MSS".', maxLength: 30 })
  acronym?: string | null;

  @EnumField(() => AgencyKind, { description: "What the agency does." })
  kind: AgencyKind;

  @IdField({ description: "The government it belongs to." })
  government: string;

  @IdField({ nullable: true, description: "The agency it is part of (written before it)." })
  parent?: string | null;

  @SourcesField()
  sources: string[];
}

export const AgencyListArgs = ListArgs(AgencyFilter, NameOrder);
export type AgencyListArgs = InstanceType<typeof AgencyListArgs>;
