import { Filter, FilterInput } from "../kit/filters";
import { SourcesField } from "../kit/inputs";
import { Id, Input, Name, Optional } from "../kit/input-fields";
import { NameOrder } from "../kit/ordering";
import { ListArgs } from "../kit/lists";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class OfficialFilter extends RecordFilter {
  @Filter.Ids("These officials.") ids?: string[];

  @Filter.Ids("Officials who held a role for these governments.") governmentIds?: string[];

  @Filter.Ids("Officials who held a role at these agencies.") agencyIds?: string[];

  @Filter.Search("Part of the name, accents ignored.") text?: string;
}

export const MAX_ROLES = 50;

@Input("A title an official held, as part of `OfficialInput`.")
export class OfficialRoleInput {
  @Name(300, 'The title: "Secretary of State".') title: string;

  @Optional.Id("The agency of the role.") agency?: string | null;

  @Id("The government of the role.") government: string;

  @Optional.PartialDate("When the role began.") from?: string | null;

  @Optional.PartialDate("When it ended; empty while it is held.") to?: string | null;
}

@Input("An official as `upsertOfficial` writes it (the bundle format of data/).")
export class OfficialInput {
  @Id('Readable slug, the record\'s key: "antony-blinken".') id: string;

  @Name(200, 'Full name: "Antony J. Blinken".') name: string;

  @Optional.NestedList(OfficialRoleInput, MAX_ROLES, "Roles held, oldest first.")
  roles?: OfficialRoleInput[] | null;

  @SourcesField() sources: string[];
}

export const OfficialListArgs = ListArgs(OfficialFilter, NameOrder);
export type OfficialListArgs = InstanceType<typeof OfficialListArgs>;
