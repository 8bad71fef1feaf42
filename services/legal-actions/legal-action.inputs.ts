import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { DateRangeInput } from "../common/filters";
import { SortDirection } from "../common/pagination";
import { LegalActionKind, LegalActionStatus } from "./enums";

@InputType()
export class LegalActionFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => [LegalActionKind], { nullable: true })
  kinds?: LegalActionKind[];

  @Field(() => [LegalActionStatus], { nullable: true })
  statuses?: LegalActionStatus[];

  @Field(() => [ID], {
    nullable: true,
    description: "Brought by these governments.",
  })
  jurisdictionIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: 'Brought by these agencies: "us-doj", "eu-council".',
  })
  authorityIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "Related to these incidents.",
  })
  incidentIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "Related to these threat actors, or charging one of their members.",
  })
  actorIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "With a defendant of one of these nationalities.",
  })
  defendantNationalityIds?: string[];

  @Field(() => DateRangeInput, {
    nullable: true,
    description: "Announced in this period (or, when no announcement is known, unsealed or filed).",
  })
  announcedBetween?: DateRangeInput;

  @Field(() => String, {
    nullable: true,
    description:
      "Full-text search (accents ignored) over title, summary and charges, and over defendant " +
      'names, whole or in part: "Ding Xiaoyang", "Xiaoyang".',
  })
  text?: string;
}

export enum LegalActionOrderField {
  ANNOUNCED_AT = "ANNOUNCED_AT",
  ID = "ID",
}
registerEnumType(LegalActionOrderField, {
  name: "LegalActionOrderField",
  valuesConfig: {
    ANNOUNCED_AT: {
      description: "Date announced, or failing that unsealed, or filed; undated last.",
    },
  },
});

@InputType({ description: "Newest first by default." })
export class LegalActionOrder {
  @Field(() => LegalActionOrderField)
  field: LegalActionOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection;
}
