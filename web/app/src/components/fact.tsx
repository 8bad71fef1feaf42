import type { ReactNode } from "react";
import { PartialDateText } from "./partial-date-text";

/** One term and its value in a `<dl className="facts">`. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A dated fact, left out when the record has no such date. */
export function DateFact({
  term,
  date,
}: {
  term: string;
  date: Parameters<typeof PartialDateText>[0]["date"];
}) {
  if (!date) return null;
  return (
    <Fact term={term}>
      <PartialDateText date={date} />
    </Fact>
  );
}
