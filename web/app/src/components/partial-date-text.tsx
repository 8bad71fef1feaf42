import { type DatePrecision, formatPartialDate } from "../lib/partial-date";

interface PartialDate {
  value: string;
  precision: DatePrecision;
}

/** A date with the precision its source gives ("July 2021"), machine-readable in `dateTime`. */
export function PartialDateText({ date }: { date: PartialDate | null | undefined }) {
  if (!date) return <span className="muted">date unknown</span>;
  return <time dateTime={date.value}>{formatPartialDate(date.value, date.precision)}</time>;
}
