import { InputType } from "type-graphql";
import { FilterInput, IdsFilter, EnumsFilter, SearchFilter } from "../kit/filters";
import { EnumField, IdField, IdListField, NameField, SourcesField, TextField } from "../kit/inputs";
import { NameOrder } from "../kit/ordering";
import { GovernmentKind } from "./enums";
import { ListArgs } from "../kit/lists";
import { RecordFilter } from "../kit/record-time";

@FilterInput()
export class GovernmentFilter extends RecordFilter {
  @IdsFilter("These governments.")
  ids?: string[];

  @EnumsFilter(() => GovernmentKind, "Of these kinds.", 10)
  kinds?: GovernmentKind[];

  @IdField({ nullable: true, description: 'Members of this union or alliance: "eu", "nato".' })
  memberOf?: string;

  @SearchFilter("Part of the name, accents ignored.")
  text?: string;
}

@InputType({
  description: "A government as `upsertGovernment` writes it (the bundle format of data/).",
})
export class GovernmentInput {
  @IdField({ description: 'Readable slug, the record\'s key: "us", "eu".' })
  id: string;

  @NameField({ description: 'Usual English name: "United States".', maxLength: 200 })
  name: string;

  @EnumField(() => GovernmentKind, {
    description: "A state, a union, an alliance or an organisation.",
  })
  kind: GovernmentKind;

  @TextField({
    nullable: true,
    description: "ISO 3166-1 alpha-2 code, for states.",
    maxLength: 2,
    pattern: { regex: /^[A-Z]{2}$/, rule: "must be two capital letters" },
  })
  isoAlpha2?: string | null;

  @TextField({
    nullable: true,
    description: "ISO 3166-1 alpha-3 code, for states.",
    maxLength: 3,
    pattern: { regex: /^[A-Z]{3}$/, rule: "must be three capital letters" },
  })
  isoAlpha3?: string | null;

  @IdListField({ nullable: true, description: "Unions and alliances it belongs to.", maxItems: 50 })
  memberOf?: string[] | null;

  @SourcesField()
  sources: string[];
}

export const GovernmentListArgs = ListArgs(GovernmentFilter, NameOrder);
export type GovernmentListArgs = InstanceType<typeof GovernmentListArgs>;
