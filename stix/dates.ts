import { parsePartialDate, toPartialDate } from "../platform/partial-date";

/**
 * STIX timestamps need a full instant; our dates are as precise as their sources ("2021",
 * "2021-03", "2021-07-19"). The rule: a timestamp is the first millisecond of the period
 * (UTC), except where a property closes an interval (`last_seen`, `conduct_to`), which takes its
 * last millisecond, so that "2011 to 2018" covers 2018. The precision goes alongside in
 * `x_attribution_graph_date_precision: { <property>: "year" | "month" | "day" }`.
 */
export type Precision = "year" | "month" | "day";

/** When a record cites no dated source and has no date of its own (never in the dataset). */
export const UNDATED = "1970-01-01T00:00:00.000Z";

export function precisionOf(value: string): Precision {
  return parsePartialDate(value, "date").precision.toLowerCase() as Precision;
}

export function periodStart(value: string): string {
  return `${parsePartialDate(value, "date").on}T00:00:00.000Z`;
}

export function periodEnd(value: string): string {
  const { on, precision } = parsePartialDate(value, "date");
  return `${toPartialDate(on, precision)!.end}T23:59:59.999Z`;
}

/**
 * `created` and `modified` of the objects made from a record: the start of the earliest and of
 * the latest of `dates` (the publication dates of the sources it cites), so a re-export gives
 * the same values and `modified` moves on when a record cites a newer source. Records without a
 * dated source use their own dates, then UNDATED.
 */
export function createdModified(
  dates: (string | null | undefined)[],
  fallback: (string | null | undefined)[] = [],
): { created: string; modified: string } {
  const known = (values: (string | null | undefined)[]) =>
    values.filter((value): value is string => !!value).map(periodStart);
  const starts = known(dates).length ? known(dates) : known(fallback);
  if (!starts.length) return { created: UNDATED, modified: UNDATED };
  starts.sort();
  return { created: starts[0], modified: starts[starts.length - 1] };
}

/** Spans of several records (a sector named by many incidents): earliest created, latest modified. */
export function widen(
  a: { created: string; modified: string },
  b: { created: string; modified: string },
) {
  return {
    created: a.created < b.created ? a.created : b.created,
    modified: a.modified > b.modified ? a.modified : b.modified,
  };
}

/** `x_attribution_graph_date_precision` (or the extension's `date_precision`) of the given dates. */
export function precisions(dates: Record<string, string | undefined>): Record<string, Precision> {
  return Object.fromEntries(
    Object.entries(dates)
      .filter((entry): entry is [string, string] => !!entry[1])
      .map(([property, value]) => [property, precisionOf(value)]),
  );
}
