import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import type { ConnectionArgs } from "../kit/connection";
import { measureDelay } from "../analytics/delays";
import {
  type DelayStatisticsArgs,
  type RequiredFirstEvent,
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
import { analyticsQueries } from "./analytics.queries";
import type { Government } from "./government";
import type { IncidentRef } from "./references";
import type { Statement } from "./statement";

/** The analytics of one request: one statement per list, governments and statements batched. */
export function analyticsLoaders(
  db: DataSource,
  budget: ResponseBudget,
  byId: {
    government: DataLoader<string, Government | null>;
    statement: DataLoader<string, Statement | null>;
  },
) {
  const queries = analyticsQueries(db, budget);
  const governments = async (ids: readonly (string | null)[]) => {
    const known = [...new Set(ids.filter((id): id is string => id !== null))];
    const loaded = await byId.government.loadMany(known);
    const byKey = new Map(known.map((id, i) => [id, loaded[i]]));
    return (id: string | null) => {
      const government = id === null ? null : byKey.get(id);
      return government instanceof Error ? null : (government ?? null);
    };
  };

  return {
    firstAttributions: () => queries.firstAttributions(),

    async timeToFirstAttribution(incident: IncidentRef): Promise<AttributionDelay | null> {
      const first = await queries.firstAttributionOf.load(incident.id);
      const delay =
        first &&
        measureDelay(incident.id, incident, { start: first.on, precision: first.precision });
      if (!first || !delay) return null;
      const statement = await byId.statement.load(first.statementId);
      return Object.assign(new AttributionDelay(), delay, { statement });
    },

    /** Figures of the legal-actions subgraph's first events, handed over by `@requires`. */
    async legalActionDelays(events: readonly RequiredFirstEvent[], args: DelayStatisticsArgs) {
      const window = arrayWindow(args);
      const summaries = summariseDelays("LEGAL_ACTION", events, args.groupBy);
      const government = await governments(summaries.map((s) => s.governmentId));
      const rows = summaries.map(({ governmentId, ...figures }) =>
        Object.assign(new DelayStatistics(), figures, { government: government(governmentId) }),
      );
      return arrayConnection(DelayStatisticsConnection, rows, window, budget);
    },

    async attributionsPerYear(args: AttributionCountArgs) {
      const window = arrayWindow(args);
      const counts = await queries.attributionsPerYear(args.groupBy);
      const government = await governments(counts.map((c) => c.governmentId));
      const rows = counts.map(({ governmentId, ...figures }) =>
        Object.assign(new AttributionCount(), figures, {
          id: `${args.groupBy}:${figures.year}:${governmentId}`,
          government: government(governmentId),
        }),
      );
      return arrayConnection(AttributionCountConnection, rows, window, budget);
    },

    async jointAttributions(args: ConnectionArgs) {
      const window = arrayWindow(args);
      const pairs = await queries.jointAttributions();
      const government = await governments(pairs.flatMap((p) => [p.a, p.b]));
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
      return arrayConnection(JointAttributionConnection, rows, window, budget);
    },

    async partnersOf(governmentId: string, args: ConnectionArgs) {
      const window = arrayWindow(args);
      const partners = await queries.partnersOf.load(governmentId);
      const government = await governments(partners.map((p) => p.partnerId));
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
      return arrayConnection(JointAttributionPartnerConnection, rows, window, budget);
    },
  };
}
