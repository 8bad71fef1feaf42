import type { DataSource } from "typeorm";
import { type DatedRow, DelayGrouping, delayToFirst } from "../analytics/delays";
import {
  type DelayStatisticsArgs,
  MAX_FIRST_EVENTS,
  type RequiredFirstEvent,
  type FirstEventRow,
  toFirstEvents,
  summariseDelays,
} from "../analytics/delay-statistics";
import { arrayConnection, arrayWindow } from "../kit/pagination";
import { ref } from "../kit/references";
import {
  DelayStatistics,
  DelayStatisticsConnection,
  LegalActionDateKind,
  LegalActionDelay,
} from "./analytics";
import type { Context } from "./context";
import { GovernmentRef, IncidentRef } from "./references";

/**
 * Each legal action over each of its related incidents, dated by the earliest known of filed,
 * unsealed and announced (on the same day, in that order); undated actions are left out.
 */
const dated = (where: string) => `WITH dated AS (
  SELECT l.id AS legal_action_id, l.jurisdiction_id, incident.id AS incident_id,
    d.date_on, d.date_precision, d.date_kind
  FROM legal.legal_action l
  CROSS JOIN LATERAL unnest(l.related_incident_ids) AS incident(id)
  CROSS JOIN LATERAL (SELECT * FROM (VALUES
      (l.filed_on, l.filed_precision, '${LegalActionDateKind.FILED}', 0),
      (l.unsealed_on, l.unsealed_precision, '${LegalActionDateKind.UNSEALED}', 1),
      (l.announced_on, l.announced_precision, '${LegalActionDateKind.ANNOUNCED}', 2))
    AS v(date_on, date_precision, date_kind, rank)
    WHERE v.date_on IS NOT NULL ORDER BY v.date_on, v.rank LIMIT 1) AS d
  WHERE ${where})`;

/** Earliest first; on the same start the most precise date, then the legal action id. */
const EARLIEST = `date_on, CASE date_precision WHEN 'DAY' THEN 0 WHEN 'MONTH' THEN 1 ELSE 2 END, legal_action_id`;

/** The earliest dated legal action over each of `incidentIds`, with its date and its kind. */
export function firstLegalActionRows(db: DataSource, incidentIds: readonly string[]) {
  return db.query(
    `${dated("l.related_incident_ids && $1::text[] AND incident.id = ANY($1::text[])")}
     SELECT DISTINCT ON (incident_id) incident_id AS "incidentId",
       legal_action_id AS "legalActionId", date_on AS "on", date_precision AS precision,
       date_kind AS kind
     FROM dated ORDER BY incident_id, ${EARLIEST}`,
    [incidentIds],
  ) as Promise<
    (DatedRow & { incidentId: string; legalActionId: string; kind: LegalActionDateKind })[]
  >;
}

/** Days from when the incident began to its first legal action; null when not known. */
export async function timeToFirstLegalAction(
  ctx: Context,
  incident: IncidentRef,
): Promise<LegalActionDelay | null> {
  const first = await ctx.loaders.firstLegalActionOf.load(incident.id);
  const delay = delayToFirst(incident, first);
  if (!first || !delay) return null;
  const legalAction = await ctx.loaders.legalActionById.load(first.legalActionId);
  return Object.assign(new LegalActionDelay(), delay, { eventDateKind: first.kind, legalAction });
}

/** Each incident's earliest legal action per jurisdiction, per defendant nationality and overall. */
export async function firstLegalActions(ctx: Context) {
  const rows: FirstEventRow[] = await ctx.db.query(
    `${dated("true")}
       SELECT DISTINCT ON (grouping, government_id, incident_id) grouping,
         government_id AS "governmentId", incident_id AS "incidentId", date_on AS "on",
         date_precision AS precision
       FROM (SELECT '${DelayGrouping.YEAR}' AS grouping, NULL::text AS government_id, * FROM dated
         UNION ALL SELECT '${DelayGrouping.ACCUSER}', jurisdiction_id, * FROM dated
         UNION ALL SELECT '${DelayGrouping.ACCUSED_STATE}', nationality.id, dated.* FROM dated
           CROSS JOIN LATERAL (SELECT DISTINCT nationality_id FROM legal.defendant
             WHERE legal_action_id = dated.legal_action_id AND nationality_id IS NOT NULL)
             AS nationality(id)) AS events
       ORDER BY grouping, government_id, incident_id, ${EARLIEST}
       LIMIT $1`,
    [MAX_FIRST_EVENTS + 1],
  );
  return toFirstEvents(rows, "legal actions", ctx.budget, {
    government: GovernmentRef,
    incident: IncidentRef,
  });
}

/** Figures of the governments subgraph's first events, handed over by `@requires`. */
export function attributionDelays(
  ctx: Context,
  events: readonly RequiredFirstEvent[],
  args: DelayStatisticsArgs,
) {
  const window = arrayWindow(args);
  const rows = summariseDelays("ATTRIBUTION", events, args.groupBy).map(
    ({ governmentId, ...figures }) =>
      Object.assign(new DelayStatistics(), figures, {
        government: ref(GovernmentRef, governmentId),
      }),
  );
  return arrayConnection(DelayStatisticsConnection, rows, window, ctx.budget);
}
