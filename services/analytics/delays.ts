import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { DatePrecision, toPartialDate } from "../../platform/partial-date";
import { DateWithPrecision } from "../kit/date-with-precision";
import { type EnumValue, describedEnum } from "../kit/enums";

/**
 * Delays from an incident's dates to a later event (its first attribution, its first legal
 * action), shared by the two subgraphs that measure them: the enums and types they both serve
 * must be the same, as PageInfo and DateWithPrecision are.
 */

export const DelayAnchor = describedEnum(
  "DelayAnchor",
  "The incident date a delay is counted from.",
  {
    FIRST_OBSERVED: "When the activity began (`Incident.firstObserved`).",
    DISCLOSED:
      "When it was made public (`Incident.disclosed`), used when `firstObserved` is unknown.",
  },
);
export type DelayAnchor = EnumValue<typeof DelayAnchor>;

export const DelayGrouping = describedEnum(
  "DelayGrouping",
  "How delays are grouped. Each group holds one delay per incident: from the incident's anchor date to the earliest event of the group.",
  {
    ACCUSER:
      "By accusing government: for attributions, the issuer and every cosigner of the attributing statements (each counts its own earliest statement on the incident); for legal actions, the government that brought the action (its jurisdiction).",
    ACCUSED_STATE:
      "By accused state: for attributions, the state an attribution names (`Attribution.state`); for legal actions, the nationality of a defendant.",
    YEAR: "By the year of the incident's first event: of its first attribution for attribution delays, of its first legal action for legal-action delays.",
  },
);
export type DelayGrouping = EnumValue<typeof DelayGrouping>;

/** A date as `@requires` hands it over: the start of its period and its precision. */
export interface RequiredDate {
  start: string;
  precision: DatePrecision;
}

/** The incident dates a delay counts from, as an `Incident` stub `@requires` them. */
export interface IncidentDates {
  firstObserved?: RequiredDate | null;
  disclosed?: RequiredDate | null;
}

/**
 * Declares `IncidentDates` on an `Incident` stub (KeyStub's `fields`): resolved by the incidents
 * subgraph, here only for `@requires` (analytics.resolver.ts).
 */
export function externalIncidentDates(prototype: object): void {
  for (const name of ["firstObserved", "disclosed"]) {
    Field(() => DateWithPrecision, { nullable: true })(prototype, name);
    Directive("@external")(prototype, name);
  }
}

/** An event's date as the analytics queries read it: its first day and its precision. */
export interface DatedRow {
  on: string;
  precision: DatePrecision;
}

/** The incident's dates, as its subgraph resolves them for `@requires`. */
export interface IncidentDates {
  firstObserved?: RequiredDate | null;
  disclosed?: RequiredDate | null;
}

/** The fields selected by every `@requires` on the incident's dates. */
export const INCIDENT_DATES = "firstObserved { start precision } disclosed { start precision }";

/**
 * The fields of every delay type (AttributionDelay, LegalActionDelay), which extend it; no field
 * returns this type itself, so it is never part of a schema.
 */
@ObjectType({ description: "The fields of every delay type." })
export abstract class Delay {
  @Field(() => ID, { description: "The incident's id: an incident has one such delay." })
  id: string;

  @Field(() => Int, {
    description:
      "Days from the start of the anchor date's period to the start of the event date's period (exact when both are days; negative if the event came first).",
  })
  days: number;

  @Field(() => Int, {
    description:
      "The shortest delay the two dates allow: from the last day of the anchor's period to the first day of the event's.",
  })
  minDays: number;

  @Field(() => Int, {
    description:
      "The longest delay the two dates allow: from the first day of the anchor's period to the last day of the event's.",
  })
  maxDays: number;

  @Field(() => DatePrecision, {
    description:
      "The coarser precision of the two dates: DAY when `days` is exact, else how far it may be off (see `minDays`, `maxDays`).",
  })
  precision: DatePrecision;

  @Field(() => DelayAnchor, { description: "Which incident date the delay is counted from." })
  anchor: DelayAnchor;

  @Field(() => DateWithPrecision, { description: "The incident date the delay is counted from." })
  anchorDate: DateWithPrecision;

  @Field(() => DateWithPrecision, { description: "The date of the event the delay runs to." })
  eventDate: DateWithPrecision;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const PRECISION_RANK = {
  [DatePrecision.DAY]: 0,
  [DatePrecision.MONTH]: 1,
  [DatePrecision.YEAR]: 2,
};
const coarser = (a: DatePrecision, b: DatePrecision) =>
  PRECISION_RANK[a] >= PRECISION_RANK[b] ? a : b;

/** The date delays are counted from: first observed, else disclosed, else none. */
export function anchorOf(
  incident: IncidentDates,
): { anchor: DelayAnchor; date: DateWithPrecision } | null {
  const [anchor, date] = incident.firstObserved
    ? [DelayAnchor.FIRST_OBSERVED, incident.firstObserved]
    : [DelayAnchor.DISCLOSED, incident.disclosed];
  return date ? { anchor, date: toPartialDate(date.start, date.precision)! } : null;
}

/** The delay from the incident's anchor to `event`; null when the incident has no anchor. */
export function measureDelay(
  incidentId: string,
  incident: IncidentDates,
  event: RequiredDate,
): Delay | null {
  const anchor = anchorOf(incident);
  if (!anchor) return null;
  const eventDate = toPartialDate(event.start, event.precision)!;
  return {
    id: incidentId,
    days: daysBetween(anchor.date.start, eventDate.start),
    minDays: daysBetween(anchor.date.end, eventDate.start),
    maxDays: daysBetween(anchor.date.start, eventDate.end),
    precision: coarser(anchor.date.precision, eventDate.precision),
    anchor: anchor.anchor,
    anchorDate: anchor.date,
    eventDate,
  };
}

/** The delay from the incident's anchor to its first event `first`; null when either is unknown. */
export function delayToFirst(
  incident: IncidentDates & { id: string },
  first: DatedRow | null,
): Delay | null {
  return (
    first && measureDelay(incident.id, incident, { start: first.on, precision: first.precision })
  );
}
