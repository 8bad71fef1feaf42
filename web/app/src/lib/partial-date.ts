export type DatePrecision = "YEAR" | "MONTH" | "DAY";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A date as precise as its source and no more: "2021", "July 2021", "19 July 2021". Read from
 * the digits, never through Date, so no time zone can move it to the day before.
 */
export function formatPartialDate(value: string, precision: DatePrecision): string {
  const [year, month, day] = value.split("-");
  if (precision === "YEAR" || !month) return year;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  if (precision === "MONTH" || !day) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

/** "2011 – 2018", "from March 2021", "until 2018"; null when neither end is known. */
export function formatPeriod(
  from: { value: string; precision: DatePrecision } | null | undefined,
  to: { value: string; precision: DatePrecision } | null | undefined,
): string | null {
  const start = from && formatPartialDate(from.value, from.precision);
  const end = to && formatPartialDate(to.value, to.precision);
  if (start && end) return `${start} – ${end}`;
  if (start) return `from ${start}`;
  if (end) return `until ${end}`;
  return null;
}

/** The year of a partial date ("2021-07-19" → 2021). */
export const yearOf = (value: string) => Number(value.slice(0, 4));
