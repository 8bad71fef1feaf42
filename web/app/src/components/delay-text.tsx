import { graphql } from "../gql";
import type {
  AttributionDelayFieldsFragment,
  LegalActionDelayFieldsFragment,
} from "../gql/graphql";
import { PartialDateText } from "./partial-date-text";

export const AttributionDelayFields = graphql(`
  fragment AttributionDelayFields on AttributionDelay {
    id
    days
    minDays
    maxDays
    precision
    anchor
    anchorDate {
      value
      precision
    }
    eventDate {
      value
      precision
    }
  }
`);

export const LegalActionDelayFields = graphql(`
  fragment LegalActionDelayFields on LegalActionDelay {
    id
    days
    minDays
    maxDays
    precision
    anchor
    anchorDate {
      value
      precision
    }
    eventDate {
      value
      precision
    }
  }
`);

/** What both fragments select: a delay of either kind. */
export type Delay = AttributionDelayFieldsFragment | LegalActionDelayFieldsFragment;

/**
 * "19 July 2021: 199 days after it was first observed (January 2021), 169 to 199 days as the
 * dates allow": the delay as the API measures it, with its range when a date is a month or a
 * year.
 */
export function DelayText({ delay }: { delay: Delay | null | undefined }) {
  if (!delay) return <span className="muted">none on record</span>;
  const days = Math.abs(delay.days);
  return (
    <span className="delay">
      <PartialDateText date={delay.eventDate} />:{" "}
      <strong>
        {days} {days === 1 ? "day" : "days"} {delay.days < 0 ? "before" : "after"}
      </strong>{" "}
      it was {delay.anchor === "FIRST_OBSERVED" ? "first observed" : "disclosed"} (
      <PartialDateText date={delay.anchorDate} />)
      {delay.precision !== "DAY" && (
        <span className="muted">
          , {delay.minDays} to {delay.maxDays} days as the dates allow
        </span>
      )}
    </span>
  );
}
