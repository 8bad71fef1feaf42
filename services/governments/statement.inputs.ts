import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { DateRangeInput } from "../common/filters";
import { SortDirection } from "../common/pagination";
import { StatementKind } from "./enums";

@InputType()
export class StatementFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => [StatementKind], { nullable: true })
  kinds?: StatementKind[];

  @Field(() => [ID], {
    nullable: true,
    description: "Issued or cosigned by these governments.",
  })
  governmentIds?: string[];

  @Field(() => [ID], { nullable: true })
  agencyIds?: string[];

  @Field(() => [ID], { nullable: true })
  speakerIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "Statements attributing these incidents.",
  })
  incidentIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "Statements naming these threat actors.",
  })
  actorIds?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Available in these languages (text, quotes or translations): "fr", "en".',
  })
  languages?: string[];

  @Field(() => DateRangeInput, { nullable: true })
  issuedBetween?: DateRangeInput;

  @Field(() => String, {
    nullable: true,
    description:
      "Full-text search (English and French stemming, accents ignored) over text and quotes.",
  })
  text?: string;
}

export enum StatementOrderField {
  ISSUED_AT = "ISSUED_AT",
  ID = "ID",
  RELEVANCE = "RELEVANCE",
}
registerEnumType(StatementOrderField, { name: "StatementOrderField" });

@InputType({
  description: "Newest first by default; by relevance when searching text.",
})
export class StatementOrder {
  @Field(() => StatementOrderField)
  field: StatementOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection;
}
