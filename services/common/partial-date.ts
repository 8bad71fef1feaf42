import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { badUserInput } from "./errors";

export enum DatePrecision {
  YEAR = "YEAR",
  MONTH = "MONTH",
  DAY = "DAY",
}
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

  @Field(() => String, { description: "First day of the period (ISO 8601)." })
  start: string;

  @Field(() => String, { description: "Last day of the period (ISO 8601)." })
  end: string;
}

export interface StoredDate {
  on: string;
  precision: DatePrecision;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses "2021", "2021-03" or "2021-07-19"; throws BAD_USER_INPUT naming `field`. */
export function parsePartialDate(value: string, field: string): StoredDate {
  const match = PARTIAL_DATE.exec(value);
  if (!match) throw badUserInput(field, `expected YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
  const [, year, month, day] = match;
  const precision = day ? DatePrecision.DAY : month ? DatePrecision.MONTH : DatePrecision.YEAR;
  const on = `${year}-${month ?? "01"}-${day ?? "01"}`;
  const date = new Date(`${on}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== on || year === "0000") {
    throw badUserInput(field, `"${value}" is not a calendar date`);
  }
  return { on, precision };
}

export function formatPartialDate(on: string, precision: DatePrecision): string {
  const length = { YEAR: 4, MONTH: 7, DAY: 10 }[precision];
  return on.slice(0, length);
}

export function toPartialDate(
  on: string | null | undefined,
  precision: DatePrecision | null | undefined,
): DateWithPrecision | null {
  if (!on || !precision) return null;
  const start = new Date(`${on}T00:00:00Z`);
  const end = new Date(start);
  if (precision === DatePrecision.YEAR) end.setUTCFullYear(end.getUTCFullYear() + 1);
  if (precision === DatePrecision.MONTH) end.setUTCMonth(end.getUTCMonth() + 1);
  if (precision === DatePrecision.DAY) end.setUTCDate(end.getUTCDate() + 1);
  end.setUTCDate(end.getUTCDate() - 1);
  return Object.assign(new DateWithPrecision(), {
    value: formatPartialDate(on, precision),
    precision,
    start: on,
    end: end.toISOString().slice(0, 10),
  });
}

/** A problem when the period from `from` to `to` (partial dates) ends before it starts. */
export function periodProblems(
  from: string | null | undefined,
  to: string | null | undefined,
  path: (string | number)[],
  field = "to",
): { path: (string | number)[]; message: string }[] {
  if (!from || !to || !PARTIAL_DATE.test(from) || !PARTIAL_DATE.test(to)) return [];
  const start = parsePartialDate(from, "from");
  const end = toPartialDate(parsePartialDate(to, "to").on, parsePartialDate(to, "to").precision);
  return end && end.end < start.on
    ? [{ path: [...path, field], message: `"${to}" is before "${from}"` }]
    : [];
}
