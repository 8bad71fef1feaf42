import { GraphQLError } from "graphql";
import { badUserInput } from "./errors";

export enum DatePrecision {
  YEAR = "YEAR",
  MONTH = "MONTH",
  DAY = "DAY",
}
/** A partial date with the period it covers: what `DateWithPrecision` serves. */
export interface DatePeriod {
  value: string;
  precision: DatePrecision;
  start: string;
  end: string;
}

export interface StoredDate {
  on: string;
  precision: DatePrecision;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** What a PartialDate that is no string is told. */
export const PARTIAL_DATE_STRING = 'a partial date is a string: "2021", "2021-03" or "2021-07-19"';

/** "2021", "2021-03" or "2021-07-19" as its first day and precision, or what is wrong with it. */
function readPartialDate(value: string): StoredDate | string {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return `expected YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`;
  const [, year, month, day] = match;
  const precision = day ? DatePrecision.DAY : month ? DatePrecision.MONTH : DatePrecision.YEAR;
  const on = `${year}-${month ?? "01"}-${day ?? "01"}`;
  const date = new Date(`${on}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== on || year === "0000") {
    return `"${value}" is not a calendar date`;
  }
  return { on, precision };
}

/** Parses "2021", "2021-03" or "2021-07-19"; throws BAD_USER_INPUT naming `field`. */
export function parsePartialDate(value: string, field: string): StoredDate {
  const date = readPartialDate(value);
  if (typeof date === "string") throw badUserInput(field, date);
  return date;
}

/**
 * The PartialDate scalar's check of a value (the subgraphs' scalar and the gateway's, which
 * checks variables before planning): the value, or a GraphQLError saying what is wrong.
 */
export function partialDateValue(value: unknown): string {
  if (typeof value !== "string") throw new GraphQLError(PARTIAL_DATE_STRING);
  const date = readPartialDate(value);
  if (typeof date === "string") throw new GraphQLError(date);
  return value;
}

export function formatPartialDate(on: string, precision: DatePrecision): string {
  const length = { YEAR: 4, MONTH: 7, DAY: 10 }[precision];
  return on.slice(0, length);
}

/** Periods by precision and day: records share few dates, and date arithmetic is costly. */
const periods = new Map<string, DatePeriod>();
const MAX_PERIODS = 10_000;

export function toPartialDate(
  on: string | null | undefined,
  precision: DatePrecision | null | undefined,
): DatePeriod | null {
  if (!on || !precision) return null;
  const key = `${precision} ${on}`;
  let period = periods.get(key);
  if (!period) {
    period = periodOf(on, precision);
    if (periods.size >= MAX_PERIODS) periods.clear();
    periods.set(key, period);
  }
  return { ...period }; // a copy: the caller may change it
}

function periodOf(on: string, precision: DatePrecision): DatePeriod {
  const start = new Date(`${on}T00:00:00Z`);
  const end = new Date(start);
  if (precision === DatePrecision.YEAR) end.setUTCFullYear(end.getUTCFullYear() + 1);
  if (precision === DatePrecision.MONTH) end.setUTCMonth(end.getUTCMonth() + 1);
  if (precision === DatePrecision.DAY) end.setUTCDate(end.getUTCDate() + 1);
  end.setUTCDate(end.getUTCDate() - 1);
  return {
    value: formatPartialDate(on, precision),
    precision,
    start: on,
    end: end.toISOString().slice(0, 10),
  };
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
