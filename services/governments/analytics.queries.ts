import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { DelayGrouping } from "../analytics/delays";
import { MAX_FIRST_EVENTS, firstEventsTooMany } from "../analytics/delay-statistics";
import { keyedLoader } from "../kit/loaders";
import { type DatePrecision, toPartialDate } from "../../platform/partial-date";
import { ref } from "../kit/references";
import type { AttributionCountGrouping } from "./analytics";
import { AttributionKind } from "./enums";
import { Government } from "./government";
import { IncidentRef } from "./references";

/** Attributions that accuse: a government names who is responsible (not media, denial, dispute). */
export const ATTRIBUTING_KINDS = [
  AttributionKind.FORMAL,
  AttributionKind.JOINT,
  AttributionKind.TECHNICAL,
];

/** Every attributing attribution with its statement; `$1` is ATTRIBUTING_KINDS. */
const ATTRIBUTING = `SELECT a.id AS attribution_id, a.incident_id, a.state_id, s.id AS statement_id,
    s.issued_on, s.issued_precision, s.issuer_id, s.cosigner_ids
  FROM governments.attribution a JOIN governments.statement s ON s.id = a.statement_id
  WHERE a.kind = ANY($1::text[])`;

/** Earliest first; on the same start the most precise date, then the statement id. */
const EARLIEST = `issued_on, CASE issued_precision WHEN 'DAY' THEN 0 WHEN 'MONTH' THEN 1 ELSE 2 END, statement_id`;

/** Who accuses in a statement: its issuer and each cosigner. */
const ACCUSERS = `CROSS JOIN LATERAL unnest(array_prepend(issuer_id, cosigner_ids)) AS accuser(id)`;

const GROUP_COLUMN: Record<AttributionCountGrouping, { column: string; from: string }> = {
  ISSUER: { column: "issuer_id", from: "attributing" },
  ACCUSER: { column: "accuser.id", from: `attributing ${ACCUSERS}` },
  ACCUSED_STATE: { column: "state_id", from: "attributing" },
};

/**
 * Who accused each incident on which occasion: a day for statements dated to the day, the
 * statement itself for statements dated only to a month or a year.
 */
const ACCUSATIONS = `SELECT DISTINCT incident_id, statement_id, accuser.id AS government_id,
    CASE WHEN issued_precision = 'DAY' THEN 'day:' || issued_on ELSE 'statement:' || statement_id END
      AS occasion
  FROM attributing ${ACCUSERS}`;

const PAIRS = `FROM accusations x JOIN accusations y
  ON y.incident_id = x.incident_id AND y.occasion = x.occasion`;
const PAIR_COUNTS = `count(DISTINCT x.incident_id)::int AS incidents,
  (count(DISTINCT x.statement_id) FILTER (WHERE x.statement_id = y.statement_id))::int AS "sharedStatements"`;

interface DatedRow {
  on: string;
  precision: DatePrecision;
}

/** The analytics reads: each is one statement, whatever the number of rows. */
export function analyticsQueries(db: DataSource, budget: ResponseBudget) {
  const run = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    db.query(`WITH attributing AS (${ATTRIBUTING}) ${sql}`, [ATTRIBUTING_KINDS, ...parameters]);
  const runOnPairs = <T>(sql: string, parameters: unknown[] = []) =>
    run<T>(`, accusations AS (${ACCUSATIONS}) ${sql}`, parameters);

  return {
    /** The earliest attributing statement on each incident, with its date. */
    firstAttributionOf: keyedLoader(
      (incidentIds) =>
        run<DatedRow & { incidentId: string; statementId: string }>(
          `SELECT DISTINCT ON (incident_id) incident_id AS "incidentId", statement_id AS "statementId",
             issued_on AS "on", issued_precision AS precision
           FROM attributing WHERE incident_id = ANY($2::text[]) ORDER BY incident_id, ${EARLIEST}`,
          [incidentIds],
        ),
      (row) => row.incidentId,
    ),

    /** Each incident's earliest attribution per accuser, per accused state and overall (YEAR). */
    async firstAttributions() {
      const rows = await run<
        DatedRow & { grouping: DelayGrouping; governmentId: string | null; incidentId: string }
      >(
        `SELECT DISTINCT ON (grouping, government_id, incident_id) grouping,
           government_id AS "governmentId", incident_id AS "incidentId", issued_on AS "on",
           issued_precision AS precision
         FROM (SELECT '${DelayGrouping.YEAR}' AS grouping, NULL::text AS government_id, * FROM attributing
           UNION ALL SELECT '${DelayGrouping.ACCUSER}', accuser.id, attributing.* FROM attributing ${ACCUSERS}
           UNION ALL SELECT '${DelayGrouping.ACCUSED_STATE}', state_id, * FROM attributing
             WHERE state_id IS NOT NULL) AS events
         ORDER BY grouping, government_id, incident_id, ${EARLIEST}
         LIMIT $2`,
        [MAX_FIRST_EVENTS + 1],
      );
      if (rows.length > MAX_FIRST_EVENTS) throw firstEventsTooMany("attributions");
      budget.spend(rows.length);
      return rows.map((row) => ({
        grouping: row.grouping,
        government: ref(Government, row.governmentId),
        incident: ref(IncidentRef, row.incidentId),
        date: toPartialDate(row.on, row.precision),
      }));
    },

    /** Attributions per year and government of `groupBy`: oldest year first, then most. */
    attributionsPerYear(groupBy: AttributionCountGrouping) {
      const { column, from } = GROUP_COLUMN[groupBy];
      return run<{
        year: number;
        governmentId: string;
        attributions: number;
        statements: number;
        incidents: number;
      }>(
        `SELECT extract(year FROM issued_on)::int AS year, ${column} AS "governmentId",
           count(DISTINCT attribution_id)::int AS attributions,
           count(DISTINCT statement_id)::int AS statements,
           count(DISTINCT incident_id)::int AS incidents
         FROM ${from} WHERE ${column} IS NOT NULL
         GROUP BY 1, 2 ORDER BY year, attributions DESC, "governmentId"`,
      );
    },

    /** Every pair of governments that attributed together, most incidents first. */
    jointAttributions() {
      return runOnPairs<{ a: string; b: string; incidents: number; sharedStatements: number }>(
        `SELECT x.government_id AS a, y.government_id AS b, ${PAIR_COUNTS}
         ${PAIRS} AND x.government_id < y.government_id
         GROUP BY 1, 2 ORDER BY incidents DESC, "sharedStatements" DESC, a, b`,
      );
    },

    /** Each government's partners in joint attributions, for all the request's governments. */
    partnersOf: new DataLoader(async (governmentIds: readonly string[]) => {
      const rows = await runOnPairs<{
        governmentId: string;
        partnerId: string;
        incidents: number;
        sharedStatements: number;
      }>(
        `SELECT x.government_id AS "governmentId", y.government_id AS "partnerId", ${PAIR_COUNTS}
         ${PAIRS} AND x.government_id <> y.government_id
         WHERE x.government_id = ANY($2::text[])
         GROUP BY 1, 2 ORDER BY 1, incidents DESC, "sharedStatements" DESC, "partnerId"`,
        [governmentIds],
      );
      return governmentIds.map((id) => rows.filter((row) => row.governmentId === id));
    }),
  };
}

export type AnalyticsQueries = ReturnType<typeof analyticsQueries>;
