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
import { GovernmentKind } from "./enums";

@InputType({ description: "Every field narrows the list; a list field matches any of its values." })
export class GovernmentFilter {
  @IdListField({ nullable: true, description: "These governments.", maxItems: MAX_FILTER_VALUES })
  ids?: string[];

  @EnumListField(() => GovernmentKind, {
    nullable: true,
    description: "Of these kinds.",
    maxItems: 10,
  })
  kinds?: GovernmentKind[];

  @IdField({ nullable: true, description: 'Members of this union or alliance: "eu", "nato".' })
  memberOf?: string;

  @TextField({ nullable: true, description: "Part of the name, accents ignored.", maxLength: 200 })
  text?: string;
}

@InputType({
  description: "A government as `upsertGovernment` writes it (the bundle format of data/).",
})
export class GovernmentInput {
  @IdField({ description: 'Readable slug, the record\'s key: "us", "eu".' })
  id: string;

  @TextField({ description: 'Usual English name: "United States".', maxLength: 200 })
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

@ArgsType()
export class GovernmentListArgs extends ConnectionArgs {
  @NestedField(() => GovernmentFilter, {
    nullable: true,
    description: "Only the items matching this.",
  })
  filter?: GovernmentFilter;

  @NestedField(() => NameOrder, { nullable: true, description: "Order of the items." })
  orderBy?: NameOrder;
}
