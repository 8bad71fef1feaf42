import { Filter, FilterInput } from "../kit/filters";
import { SourcesField } from "../kit/inputs";
import { Enum, Id, Input, Name, Optional } from "../kit/input-fields";
import { NameOrder } from "../kit/ordering";
import { GovernmentKind } from "./enums";
import { ListArgs } from "../kit/lists";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class GovernmentFilter extends RecordFilter {
  @Filter.Ids("These governments.") ids?: string[];

  @Filter.Enums(GovernmentKind, "Of these kinds.", 10) kinds?: GovernmentKind[];

  @Optional.Id('Members of this union or alliance: "eu", "nato".') memberOf?: string;

  @Filter.Search("Part of the name, accents ignored.") text?: string;
}

@Input("A government as `upsertGovernment` writes it (the bundle format of data/).")
export class GovernmentInput {
  @Id('Readable slug, the record\'s key: "us", "eu".') id: string;

  @Name(200, 'Usual English name: "United States".') name: string;

  @Enum(GovernmentKind, "A state, a union, an alliance or an organisation.") kind: GovernmentKind;

  @Optional.Text(2, "ISO 3166-1 alpha-2 code, for states.", {
    regex: /^[A-Z]{2}$/,
    rule: "must be two capital letters",
  })
  isoAlpha2?: string | null;

  @Optional.Text(3, "ISO 3166-1 alpha-3 code, for states.", {
    regex: /^[A-Z]{3}$/,
    rule: "must be three capital letters",
  })
  isoAlpha3?: string | null;

  @Optional.IdList(50, "Unions and alliances it belongs to.") memberOf?: string[] | null;

  @SourcesField() sources: string[];
}

export const GovernmentListArgs = ListArgs(GovernmentFilter, NameOrder);
export type GovernmentListArgs = InstanceType<typeof GovernmentListArgs>;
