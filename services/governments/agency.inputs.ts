import { ArgsType, InputType } from "type-graphql";
import { ConnectionArgs } from "../kit/connection";
import { MAX_FILTER_VALUES } from "../kit/filters";
import {
  EnumField,
  EnumListField,
  IdField,
  IdListField,
  NestedField,
  SourcesField,
  TextField,
} from "../kit/inputs";
import { NameOrder } from "../kit/ordering";
import { AgencyKind } from "./enums";

@InputType({ description: "Every field narrows the list; a list field matches any of its values." })
export class AgencyFilter {
  @IdListField({ nullable: true, description: "These agencies.", maxItems: MAX_FILTER_VALUES })
  ids?: string[];

  @IdListField({
    nullable: true,
    description: "Agencies of these governments.",
    maxItems: MAX_FILTER_VALUES,
  })
  governmentIds?: string[];

  @EnumListField(() => AgencyKind, { nullable: true, description: "Of these kinds.", maxItems: 20 })
  kinds?: AgencyKind[];

  @TextField({
    nullable: true,
    description: "Part of the name or acronym, accents ignored.",
    maxLength: 200,
  })
  text?: string;
}

@InputType({ description: "An agency as `upsertAgency` writes it (the bundle format of data/)." })
export class AgencyInput {
  @IdField({ description: 'Readable slug, the record\'s key: "cn-mss".' })
  id: string;

  @TextField({ description: 'Official name: "Ministry of State Security".', maxLength: 300 })
  name: string;

  @TextField({ nullable: true, description: 'Usual acronym: "MSS".', maxLength: 30 })
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

@ArgsType()
export class AgencyListArgs extends ConnectionArgs {
  @NestedField(() => AgencyFilter, { nullable: true, description: "Only the items matching this." })
  filter?: AgencyFilter;

  @NestedField(() => NameOrder, { nullable: true, description: "Order of the items." })
  orderBy?: NameOrder;
}
