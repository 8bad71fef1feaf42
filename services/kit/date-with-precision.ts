import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { DatePrecision } from "../../platform/partial-date";

registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description: "How much of a date the source states: 'in January 2021' is MONTH.",
  valuesConfig: {
    YEAR: { description: 'Only the year is known: "2021".' },
    MONTH: { description: 'The year and month are known: "2021-03".' },
    DAY: { description: 'The exact day is known: "2021-07-19".' },
  },
});

/** A date as precise as its source: "2021", "2021-03" or "2021-07-19". */
@Directive("@shareable")
@ObjectType({
  simpleResolvers: true,
  description:
    "A date as precise as its source states it, with the period it covers: 'in March 2021' runs from 2021-03-01 to 2021-03-31.",
})
export class DateWithPrecision {
  @Field(() => String, {
    description: '"2021", "2021-03" or "2021-07-19", as precise as known (the PartialDate format).',
  })
  value: string;

  @Field(() => DatePrecision, { description: "How much of the date is known." })
  precision: DatePrecision;

  @Field(() => String, { description: "First day of the period (ISO 8601)." }) start: string;

  @Field(() => String, { description: "Last day of the period (ISO 8601)." }) end: string;
}
