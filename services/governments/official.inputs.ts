import { ArgsType, InputType } from "type-graphql";
import { ConnectionArgs } from "../kit/connection";
import { MAX_FILTER_VALUES } from "../kit/filters";
import {
  DateField,
  IdField,
  IdListField,
  NestedField,
  NestedListField,
  SourcesField,
  TextField,
} from "../kit/inputs";
import { NameOrder } from "../kit/ordering";

@InputType({ description: "Every field narrows the list; a list field matches any of its values." })
export class OfficialFilter {
  @IdListField({ nullable: true, description: "These officials.", maxItems: MAX_FILTER_VALUES })
  ids?: string[];

  @IdListField({
    nullable: true,
    description: "Officials who held a role for these governments.",
    maxItems: MAX_FILTER_VALUES,
  })
  governmentIds?: string[];

  @IdListField({
    nullable: true,
    description: "Officials who held a role at these agencies.",
    maxItems: MAX_FILTER_VALUES,
  })
  agencyIds?: string[];

  @TextField({ nullable: true, description: "Part of the name, accents ignored.", maxLength: 200 })
  text?: string;
}

export const MAX_ROLES = 50;

@InputType({ description: "A title an official held, as part of `OfficialInput`." })
export class OfficialRoleInput {
  @TextField({ description: 'The title: "Secretary of State".', maxLength: 300 })
  title: string;

  @IdField({ nullable: true, description: "The agency of the role." })
  agency?: string | null;

  @IdField({ description: "The government of the role." })
  government: string;

  @DateField({ nullable: true, description: "When the role began." })
  from?: string | null;

  @DateField({ nullable: true, description: "When it ended; empty while it is held." })
  to?: string | null;
}

@InputType({
  description: "An official as `upsertOfficial` writes it (the bundle format of data/).",
})
export class OfficialInput {
  @IdField({ description: 'Readable slug, the record\'s key: "antony-blinken".' })
  id: string;

  @TextField({ description: 'Full name: "Antony J. Blinken".', maxLength: 200 })
  name: string;

  @NestedListField(() => OfficialRoleInput, {
    nullable: true,
    description: "Roles held, oldest first.",
    maxItems: MAX_ROLES,
  })
  roles?: OfficialRoleInput[] | null;

  @SourcesField()
  sources: string[];
}

@ArgsType()
export class OfficialListArgs extends ConnectionArgs {
  @NestedField(() => OfficialFilter, {
    nullable: true,
    description: "Only the items matching this.",
  })
  filter?: OfficialFilter;

  @NestedField(() => NameOrder, { nullable: true, description: "Order of the items." })
  orderBy?: NameOrder;
}
