import { InputType } from "type-graphql";
import { FilterInput, IdsFilter, SearchFilter } from "../kit/filters";
import { DateField, IdField, NameField, NestedListField, SourcesField } from "../kit/inputs";
import { NameOrder } from "../kit/ordering";
import { ListArgs } from "../kit/lists";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class OfficialFilter extends RecordFilter {
  @IdsFilter("These officials.")
  ids?: string[];

  @IdsFilter("Officials who held a role for these governments.")
  governmentIds?: string[];

  @IdsFilter("Officials who held a role at these agencies.")
  agencyIds?: string[];

  @SearchFilter("Part of the name, accents ignored.")
  text?: string;
}

export const MAX_ROLES = 50;

@InputType({ description: "A title an official held, as part of `OfficialInput`." })
export class OfficialRoleInput {
  @NameField({ description: 'The title: "Secretary of State".', maxLength: 300 })
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

  @NameField({ description: 'Full name: "Antony J. Blinken".', maxLength: 200 })
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

export const OfficialListArgs = ListArgs(OfficialFilter, NameOrder);
export type OfficialListArgs = InstanceType<typeof OfficialListArgs>;
