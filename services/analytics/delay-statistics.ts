import { ArgsType, type ClassType, Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionArgs, connectionType } from "../kit/connection";
import {
  type DatedRow,
  DelayGrouping,
  INCIDENT_DATES,
  type IncidentDates,
  type RequiredDate,
  measureDelay,
} from "./delays";
import { ErrorCode, apiError } from "../../platform/errors";
import { toPartialDate } from "../../platform/partial-date";
import type { ResponseBudget } from "../kit/budget";
import { DateWithPrecision } from "../kit/date-with-precision";
import { ref } from "../kit/references";

/**
 * The most first events (incident and group pairs) one list may hold: the figures are computed
 * from the whole list, which travels between subgraphs through the gateway (@listSize).
 */
export const MAX_FIRST_EVENTS = 10_000;

const firstEventsTooMany = (events: string) =>
  apiError(
    ErrorCode.RESPONSE_TOO_LARGE,
    `delay figures cover at most ${MAX_FIRST_EVENTS} first ${events} (one per incident and group); the dataset holds more`,
    { maxFirstEvents: MAX_FIRST_EVENTS },
  );

/** A first event as a subgraph reads it, with a LIMIT of MAX_FIRST_EVENTS + 1 rows. */
export interface FirstEventRow extends DatedRow {
  grouping: DelayGrouping;
  governmentId: string | null;
  incidentId: string;
}

/**
 * The first events of `rows`, refused when the query found more than MAX_FIRST_EVENTS (of
 * `events`: "attributions"), counted against the answer's budget.
 */
export function toFirstEvents<G extends { id: string }, I extends { id: string }>(
  rows: FirstEventRow[],
  events: string,
  budget: ResponseBudget,
  types: { government: new () => G; incident: new () => I },
) {
  if (rows.length > MAX_FIRST_EVENTS) throw firstEventsTooMany(events);
  budget.spend(rows.length);
  return rows.map((row) => ({
    grouping: row.grouping,
    government: ref(types.government, row.governmentId),
    incident: ref(types.incident, row.incidentId),
    date: toPartialDate(row.on, row.precision),
  }));
}

/**
 * The earliest event of an incident within one group, as the subgraph owning the events lists
 * it for the other to summarise (see Analytics in services/governments/analytics.ts). Internal:
 * `@inaccessible`, so only the query planner sees it.
 */
export function firstEventType<I extends { id: string }, G extends { id: string }>(
  incidentType: ClassType<I>,
  governmentType: ClassType<G>,
) {
  @Directive("@shareable")
  @Directive("@inaccessible")
  @ObjectType("FirstEvent", {
    simpleResolvers: true,
    description:
      "The earliest event (attribution or legal action) of an incident within a group: the input of the delay figures.",
  })
  class FirstEvent {
    @Field(() => DelayGrouping, { description: "The grouping this event is the earliest of." })
    grouping: DelayGrouping;

    @Field(() => governmentType, {
      nullable: true,
      description: "The accuser or the accused state; null for YEAR.",
    })
    government: G | null;

    @Field(() => incidentType, { description: "The incident." })
    incident: I;

    @Field(() => DateWithPrecision, { description: "When the event happened." })
    date: DateWithPrecision;
  }
  return FirstEvent;
}

/** The selection each summarising field `@requires` of a list of first events. */
export const FIRST_EVENT_FIELDS = `grouping government { id } incident { id ${INCIDENT_DATES} } date { start precision }`;

/** A first event as `@requires` hands it over. */
export interface RequiredFirstEvent {
  grouping: DelayGrouping;
  government: { id: string } | null;
  incident: { id: string } & IncidentDates;
  date: RequiredDate;
}

@ArgsType()
export class DelayStatisticsArgs extends ConnectionArgs {
  @Field(() => DelayGrouping, { description: "How to group the incidents (see DelayGrouping)." })
  groupBy: DelayGrouping;
}

/** The figures of one group, before its government is resolved. */
export interface DelaySummary {
  id: string;
  governmentId: string | null;
  year: number | null;
  count: number;
  undatedIncidents: number;
  medianDays: number | null;
  minDays: number | null;
  maxDays: number | null;
}

/**
 * Count, median, minimum and maximum of the delays of each group of `groupBy`: one delay per
 * first event, from its incident's anchor date (first observed, else disclosed) to the event,
 * counted between period starts. Events of incidents with neither date count as undated.
 * Grouped by year: oldest first; otherwise by sample size, largest first, then by government id.
 */
export function summariseDelays(
  measure: "ATTRIBUTION" | "LEGAL_ACTION",
  events: readonly RequiredFirstEvent[],
  groupBy: DelayGrouping,
): DelaySummary[] {
  const groups = new Map<
    string,
    { governmentId: string | null; year: number | null; days: number[]; undated: number }
  >();
  for (const event of events) {
    if (event.grouping !== groupBy) continue;
    const year = groupBy === DelayGrouping.YEAR ? Number(event.date.start.slice(0, 4)) : null;
    const governmentId = year === null ? (event.government?.id ?? null) : null;
    const key = String(year ?? governmentId);
    const group = groups.get(key) ?? { governmentId, year, days: [], undated: 0 };
    groups.set(key, group);
    const delay = measureDelay(event.incident.id, event.incident, event.date);
    if (delay) group.days.push(delay.days);
    else group.undated += 1;
  }
  return [...groups.entries()]
    .map(([key, group]) => {
      const days = [...group.days].sort((a, b) => a - b);
      return {
        id: `${measure}:${groupBy}:${key}`,
        governmentId: group.governmentId,
        year: group.year,
        count: days.length,
        undatedIncidents: group.undated,
        medianDays: median(days),
        minDays: days[0] ?? null,
        maxDays: days.at(-1) ?? null,
      };
    })
    .sort((a, b) =>
      groupBy === DelayGrouping.YEAR
        ? a.year! - b.year!
        : b.count - a.count || a.governmentId!.localeCompare(b.governmentId!),
    );
}

/** The middle of sorted whole days; for an even count, the mean of the two middle ones rounded down. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : Math.floor((sorted[middle - 1] + sorted[middle]) / 2);
}

/**
 * The figures of a group, over `governmentType` (the entity in one subgraph, a stub in the other).
 * `DelayStatistics` is a value type both subgraphs share; each pages it in a connection of its own
 * name (`connectionName`), since a shared type that only `@requires` fields return is canonical
 * in both subgraphs for graphql-tools' stitching (Hive Gateway refused the supergraph).
 */
export function delayStatisticsType<G extends { id: string }>(
  governmentType: ClassType<G>,
  connectionName: string,
) {
  @Directive("@shareable")
  @ObjectType("DelayStatistics", {
    simpleResolvers: true,
    description:
      "Delay figures of one group: over the incidents of the group, each counted once, from the incident's anchor date (first observed, else disclosed) to the group's earliest event on it, between period starts (see `Delay.days`).",
  })
  class DelayStatistics {
    @Field(() => ID, { description: 'Stable key of the row: "ATTRIBUTION:ACCUSER:us".' })
    id: string;

    @Field(() => governmentType, {
      nullable: true,
      description:
        "The accusing government (ACCUSER) or the accused state (ACCUSED_STATE); null for YEAR.",
    })
    government: G | null;

    @Field(() => Int, { nullable: true, description: "The year (YEAR); null otherwise." })
    year: number | null;

    @Field(() => Int, {
      description: "Incidents of the group with a known delay: the sample of the figures below.",
    })
    count: number;

    @Field(() => Int, {
      description:
        "Incidents of the group left out: neither first observed nor disclosed is known.",
    })
    undatedIncidents: number;

    @Field(() => Int, {
      nullable: true,
      description:
        "Median delay in days: the middle one, or for an even count the mean of the two middle ones rounded down; null when `count` is 0.",
    })
    medianDays: number | null;

    @Field(() => Int, {
      nullable: true,
      description: "Shortest delay in days; null when `count` is 0.",
    })
    minDays: number | null;

    @Field(() => Int, {
      nullable: true,
      description: "Longest delay in days; null when `count` is 0.",
    })
    maxDays: number | null;
  }
  return {
    DelayStatistics,
    DelayStatisticsConnection: connectionType(DelayStatistics, connectionName),
  };
}
