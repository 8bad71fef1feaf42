import type { ConnectionArgs } from "../kit/connection";
import { delayToFirst } from "../analytics/delays";
import {
  type DelayStatisticsArgs,
  MAX_FIRST_EVENTS,
  type RequiredFirstEvent,
  toFirstEvents,
  summariseDelays,
} from "../analytics/delay-statistics";
import { arrayConnection, arrayWindow } from "../kit/pagination";
import {
  AttributionCount,
  type AttributionCountArgs,
  AttributionCountConnection,
  AttributionDelay,
  DelayStatistics,
  DelayStatisticsConnection,
  JointAttribution,
  JointAttributionConnection,
  JointAttributionPartner,
  JointAttributionPartnerConnection,
} from "./analytics";
import {
  attributionCountRows,
  firstAttributionRowsByGroup,
  jointAttributionRows,
} from "./analytics.sql";
import type { Context } from "./context";
import { Government } from "./government";
import { IncidentRef } from "./references";

/** The governments of `ids` in one batch, then each by id (null for an unknown one). */
async function governmentsById(ctx: Context, ids: readonly (string | null)[]) {
  const known = [...new Set(ids.filter((id): id is string => id !== null))];
  const loaded = await ctx.loaders.governmentById.loadMany(known);
  const byKey = new Map(known.map((id, i) => [id, loaded[i]]));
  return (id: string | null) => {
    const government = id === null ? null : byKey.get(id);
    return government instanceof Error ? null : (government ?? null);
  };
}

/** For legal-actions' `attributionDelays`: each incident's earliest attributions, by group. */
export async function firstAttributions(ctx: Context) {
  const rows = await firstAttributionRowsByGroup(ctx.db, MAX_FIRST_EVENTS + 1);
  return toFirstEvents(rows, "attributions", ctx.budget, {
    government: Government,
    incident: IncidentRef,
  });
}

/** Days from when the incident began to its first attribution; null when not known. */
export async function timeToFirstAttribution(
  ctx: Context,
  incident: IncidentRef,
): Promise<AttributionDelay | null> {
  const first = await ctx.loaders.firstAttributionOf.load(incident.id);
  const delay = delayToFirst(incident, first);
  if (!first || !delay) return null;
  const statement = await ctx.loaders.statementById.load(first.statementId);
  return Object.assign(new AttributionDelay(), delay, { statement });
}

/** Figures of the legal-actions subgraph's first events, handed over by `@requires`. */
export async function legalActionDelays(
  ctx: Context,
  events: readonly RequiredFirstEvent[],
  args: DelayStatisticsArgs,
) {
  const window = arrayWindow(args);
  const summaries = summariseDelays("LEGAL_ACTION", events, args.groupBy);
  const government = await governmentsById(
    ctx,
    summaries.map((s) => s.governmentId),
  );
  const rows = summaries.map(({ governmentId, ...figures }) =>
    Object.assign(new DelayStatistics(), figures, { government: government(governmentId) }),
  );
  return arrayConnection(DelayStatisticsConnection, rows, window, ctx.budget);
}

export async function attributionsPerYear(ctx: Context, args: AttributionCountArgs) {
  const window = arrayWindow(args);
  const counts = await attributionCountRows(ctx.db, args.groupBy);
  const government = await governmentsById(
    ctx,
    counts.map((c) => c.governmentId),
  );
  const rows = counts.map(({ governmentId, ...figures }) =>
    Object.assign(new AttributionCount(), figures, {
      id: `${args.groupBy}:${figures.year}:${governmentId}`,
      government: government(governmentId),
    }),
  );
  return arrayConnection(AttributionCountConnection, rows, window, ctx.budget);
}

export async function jointAttributions(ctx: Context, args: ConnectionArgs) {
  const window = arrayWindow(args);
  const pairs = await jointAttributionRows(ctx.db);
  const government = await governmentsById(
    ctx,
    pairs.flatMap((p) => [p.a, p.b]),
  );
  const rows = pairs.flatMap(({ a, b, incidents, sharedStatements }) => {
    const [first, partner] = [government(a), government(b)];
    return first && partner
      ? [
          Object.assign(new JointAttribution(), {
            id: `${a}+${b}`,
            government: first,
            partner,
            incidents,
            sharedStatements,
          }),
        ]
      : [];
  });
  return arrayConnection(JointAttributionConnection, rows, window, ctx.budget);
}

export async function jointAttributionPartners(
  ctx: Context,
  governmentId: string,
  args: ConnectionArgs,
) {
  const window = arrayWindow(args);
  const partners = await ctx.loaders.partnersOf.load(governmentId);
  const government = await governmentsById(
    ctx,
    partners.map((p) => p.partnerId),
  );
  const rows = partners.flatMap(({ partnerId, incidents, sharedStatements }) => {
    const partner = government(partnerId);
    return partner
      ? [
          Object.assign(new JointAttributionPartner(), {
            id: `${governmentId}+${partnerId}`,
            partner,
            incidents,
            sharedStatements,
          }),
        ]
      : [];
  });
  return arrayConnection(JointAttributionPartnerConnection, rows, window, ctx.budget);
}
