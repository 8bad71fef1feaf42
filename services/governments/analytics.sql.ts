import type { DataSource } from "typeorm";
import { type DatedRow, DelayGrouping } from "../analytics/delays";
import type { FirstEventRow } from "../analytics/delay-statistics";
import type { AttributionCountGrouping } from "./analytics";
import { AttributionKind } from "./enums";

/** Attributions that accuse: a government names who is responsible (not media, denial, dispute). */
const ATTRIBUTING_KINDS = [
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

/** `sql` over the attributing attributions (`attributing`); `$1` is taken, `parameters` follow. */
function run<T>(db: DataSource, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return db.query(`WITH attributing AS (${ATTRIBUTING}) ${sql}`, [
    ATTRIBUTING_KINDS,
    ...parameters,
  ]);
}

/** `sql` over the pairs of governments that accused an incident on the same occasion. */
function runOnPairs<T>(db: DataSource, sql: string, parameters: unknown[] = []) {
  return run<T>(db, `, accusations AS (${ACCUSATIONS}) ${sql}`, parameters);
}

/** The earliest attributing statement on each of `incidentIds`, with its date. */
export function firstAttributionRows(db: DataSource, incidentIds: readonly string[]) {
  return run<DatedRow & { incidentId: string; statementId: string }>(
    db,
    `SELECT DISTINCT ON (incident_id) incident_id AS "incidentId", statement_id AS "statementId",
       issued_on AS "on", issued_precision AS precision
     FROM attributing WHERE incident_id = ANY($2::text[]) ORDER BY incident_id, ${EARLIEST}`,
    [incidentIds],
  );
}

/** Each incident's earliest attribution per accuser, per accused state and overall (YEAR). */
export function firstAttributionRowsByGroup(db: DataSource, limit: number) {
  return run<FirstEventRow>(
    db,
    `SELECT DISTINCT ON (grouping, government_id, incident_id) grouping,
       government_id AS "governmentId", incident_id AS "incidentId", issued_on AS "on",
       issued_precision AS precision
     FROM (SELECT '${DelayGrouping.YEAR}' AS grouping, NULL::text AS government_id, * FROM attributing
       UNION ALL SELECT '${DelayGrouping.ACCUSER}', accuser.id, attributing.* FROM attributing ${ACCUSERS}
       UNION ALL SELECT '${DelayGrouping.ACCUSED_STATE}', state_id, * FROM attributing
         WHERE state_id IS NOT NULL) AS events
     ORDER BY grouping, government_id, incident_id, ${EARLIEST}
     LIMIT $2`,
    [limit],
  );
}

/** Attributions per year and government of `groupBy`: oldest year first, then most. */
export function attributionCountRows(db: DataSource, groupBy: AttributionCountGrouping) {
  const { column, from } = GROUP_COLUMN[groupBy];
  return run<{
    year: number;
    governmentId: string;
    attributions: number;
    statements: number;
    incidents: number;
  }>(
    db,
    `SELECT extract(year FROM issued_on)::int AS year, ${column} AS "governmentId",
       count(DISTINCT attribution_id)::int AS attributions,
       count(DISTINCT statement_id)::int AS statements,
       count(DISTINCT incident_id)::int AS incidents
     FROM ${from} WHERE ${column} IS NOT NULL
     GROUP BY 1, 2 ORDER BY year, attributions DESC, "governmentId"`,
  );
}

/** Every pair of governments that attributed together, most incidents first. */
export function jointAttributionRows(db: DataSource) {
  return runOnPairs<{ a: string; b: string; incidents: number; sharedStatements: number }>(
    db,
    `SELECT x.government_id AS a, y.government_id AS b, ${PAIR_COUNTS}
     ${PAIRS} AND x.government_id < y.government_id
     GROUP BY 1, 2 ORDER BY incidents DESC, "sharedStatements" DESC, a, b`,
  );
}

/** The partners in joint attributions of each of `governmentIds`, most incidents first. */
export function partnerRows(db: DataSource, governmentIds: readonly string[]) {
  return runOnPairs<{
    governmentId: string;
    partnerId: string;
    incidents: number;
    sharedStatements: number;
  }>(
    db,
    `SELECT x.government_id AS "governmentId", y.government_id AS "partnerId", ${PAIR_COUNTS}
     ${PAIRS} AND x.government_id <> y.government_id
     WHERE x.government_id = ANY($2::text[])
     GROUP BY 1, 2 ORDER BY 1, incidents DESC, "sharedStatements" DESC, "partnerId"`,
    [governmentIds],
  );
}
