import type { Pool } from "pg";
import {
  ACTOR_STORY,
  GOVERNMENT_STORY,
  INCIDENT_STORY,
  SEARCH_STORY,
} from "../test/queries/cross-source";

/** One benchmarked request: the GraphQL query, and the same data by hand-written SQL. */
export interface BenchCase {
  name: string;
  kind: "lookup" | "list" | "search";
  query: string;
  variables: Record<string, unknown>;
  /** The SQL floor: the same data through `pg`, statements in parallel where independent. */
  floor(pool: Pool): Promise<unknown>;
}

export const STATEMENT_LIST = /* GraphQL */ `
  query StatementList($governmentIds: [ID!], $from: String, $to: String) {
    statements(
      filter: { governmentIds: $governmentIds, issuedBetween: { from: $from, to: $to } }
      first: 20
    ) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        issuedAt {
          value
        }
        issuer {
          id
          name
        }
        attributions {
          id
          confidenceLevel
          incident {
            id
            name
          }
          actor {
            id
            name
          }
        }
      }
    }
  }
`;

export const INCIDENT_SEARCH = /* GraphQL */ `
  query IncidentSearch($text: String!) {
    incidents(filter: { text: $text }, first: 20) {
      totalCount
      nodes {
        id
        name
        aliases
        firstObserved {
          value
        }
      }
    }
  }
`;

/** Ids with a typical fan-out (closest to the mean), so that each size measures a typical read. */
export interface BenchIds {
  incident: string;
  actor: string;
  government: string;
  searchText: string;
  incidentText: string;
}

export async function pickIds(pool: Pool): Promise<BenchIds> {
  const typical = async (sql: string) => {
    const { rows } = await pool.query<{
      id: string;
    }>(`WITH c AS (${sql}), m AS (SELECT avg(n) AS m FROM c)
      SELECT c.id FROM c, m ORDER BY abs(c.n - m.m), c.id LIMIT 1`);
    if (!rows[0]) throw new Error("the benchmark database is empty: run npm run bench:data first");
    return rows[0].id;
  };
  const incident = await typical(`SELECT a.incident_id AS id, count(*) AS n
    FROM governments.attribution a
    WHERE EXISTS (SELECT 1 FROM legal.legal_action l WHERE l.related_incident_ids @> ARRAY[a.incident_id])
    GROUP BY 1`);
  const actor = await typical(`SELECT a.actor_id AS id, count(*) AS n FROM governments.attribution a
    WHERE a.actor_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM legal.defendant d WHERE d.affiliated_actor_id = a.actor_id)
    GROUP BY 1`);
  const government =
    await typical(`SELECT a.state_id AS id, count(*) AS n FROM governments.attribution a
    WHERE a.state_id IS NOT NULL GROUP BY 1`);
  const names = await pool.query<{ id: string; name: string }>(
    `SELECT id, name FROM incidents.incident WHERE id = $1 OR id = 'incident-7' ORDER BY id = $1 DESC`,
    [incident],
  );
  const word = (name: string) => name.replace(/^Operation /, "").toLowerCase();
  return {
    incident,
    actor,
    government,
    searchText: word(names.rows[0].name),
    incidentText: word(names.rows.at(-1)!.name),
  };
}

const rows = async (pool: Pool, sql: string, values: unknown[]) =>
  (await pool.query(sql, values)).rows;

const QUOTES = `(SELECT coalesce(json_agg(json_build_object('text', q.text, 'language', q.language,
  'translations', q.translations) ORDER BY q.position), '[]') FROM governments.quote q
  WHERE q.statement_id = s.id)`;
const NAMES_OF = (ids: string) =>
  `(SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name)), '[]')
    FROM governments.government g WHERE g.id = ANY(${ids}))`;
const DEFENDANTS = `(SELECT coalesce(json_agg(json_build_object('name', d.name, 'status', d.status,
  'nationality', d.nationality_id, 'nationalityName', g.name) ORDER BY d.position), '[]')
  FROM legal.defendant d LEFT JOIN governments.government g ON g.id = d.nationality_id
  WHERE d.legal_action_id = l.id)`;
const CHARGES = `(SELECT coalesce(json_agg(json_build_object('description', c.description,
  'counts', c.counts) ORDER BY c.position), '[]') FROM legal.charge c WHERE c.legal_action_id = l.id)`;

export function benchCases(ids: BenchIds): BenchCase[] {
  return [
    {
      name: "incident story",
      kind: "lookup",
      query: INCIDENT_STORY,
      variables: { id: ids.incident },
      floor: (pool) =>
        Promise.all([
          rows(
            pool,
            `SELECT i.id, i.name, i.aliases, i.first_observed_on, i.first_observed_precision,
              (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name,
                 'sponsor', g.id, 'sponsorName', g.name) ORDER BY ia.position), '[]')
               FROM incidents.incident_actor ia JOIN incidents.threat_actor a ON a.id = ia.actor_id
               LEFT JOIN governments.government g ON g.id = a.sponsor_state_id
               WHERE ia.incident_id = i.id) AS actors
             FROM incidents.incident i WHERE i.id = $1`,
            [ids.incident],
          ),
          rows(
            pool,
            `SELECT a.id, a.kind, a.confidence_wording, a.confidence_level, a.confidence_score,
               st.id AS state_id, st.name AS state, ag.id AS agency_id, ag.name AS agency,
               ta.id AS actor_id, ta.name AS actor, s.id AS statement_id, s.issued_on,
               s.issued_precision, iss.id AS issuer_id, iss.name AS issuer,
               sp.id AS speaker_id, sp.name AS speaker, ${NAMES_OF("s.cosigner_ids")} AS cosigners,
               ${QUOTES} AS quotes
             FROM governments.attribution a
             JOIN governments.statement s ON s.id = a.statement_id
             JOIN governments.government iss ON iss.id = s.issuer_id
             LEFT JOIN governments.official sp ON sp.id = s.speaker_id
             LEFT JOIN governments.government st ON st.id = a.state_id
             LEFT JOIN governments.agency ag ON ag.id = a.agency_id
             LEFT JOIN incidents.threat_actor ta ON ta.id = a.actor_id
             WHERE a.incident_id = $1 ORDER BY s.issued_on, a.id`,
            [ids.incident],
          ),
          rows(
            pool,
            `SELECT l.id, l.title, ${CHARGES} AS charges, ${DEFENDANTS} AS defendants
             FROM legal.legal_action l WHERE l.related_incident_ids && ARRAY[$1::text]
             ORDER BY l.dated_on, l.id`,
            [ids.incident],
          ),
        ]),
    },
    {
      name: "government story",
      kind: "lookup",
      query: GOVERNMENT_STORY,
      variables: { id: ids.government },
      floor: (pool) =>
        Promise.all([
          rows(pool, `SELECT id, name FROM governments.government WHERE id = $1`, [ids.government]),
          rows(
            pool,
            `SELECT id, name FROM incidents.threat_actor WHERE sponsor_state_id = $1 ORDER BY name, id`,
            [ids.government],
          ),
          rows(
            pool,
            `SELECT a.id, s.issued_on, s.issued_precision, a.actor_id,
               ${NAMES_OF("array_prepend(s.issuer_id, s.cosigner_ids)")} AS attributed_by,
               i.id AS incident_id, i.name AS incident
             FROM governments.attribution a JOIN governments.statement s ON s.id = a.statement_id
             LEFT JOIN incidents.incident i ON i.id = a.incident_id
             WHERE a.state_id = $1 ORDER BY s.issued_on, a.id`,
            [ids.government],
          ),
          rows(
            pool,
            `SELECT d.name, l.id, l.title FROM legal.defendant d
             JOIN legal.legal_action l ON l.id = d.legal_action_id
             WHERE d.nationality_id = $1 ORDER BY l.dated_on, l.id, d.position`,
            [ids.government],
          ),
        ]),
    },
    {
      name: "actor story",
      kind: "lookup",
      query: ACTOR_STORY,
      variables: { id: ids.actor },
      floor: (pool) =>
        Promise.all([
          rows(
            pool,
            `SELECT a.id, a.name, a.aliases, g.id AS sponsor_id, g.name AS sponsor
             FROM incidents.threat_actor a LEFT JOIN governments.government g ON g.id = a.sponsor_state_id
             WHERE a.id = $1`,
            [ids.actor],
          ),
          rows(
            pool,
            `SELECT i.id, i.name FROM incidents.incident_actor ia
             JOIN incidents.incident i ON i.id = ia.incident_id WHERE ia.actor_id = $1
             ORDER BY coalesce(i.occurred_on, DATE '0001-01-01') DESC, i.id DESC`,
            [ids.actor],
          ),
          rows(
            pool,
            `SELECT s.id, s.issued_on, s.issued_precision, s.issuer_id FROM governments.statement s
             WHERE s.id IN (SELECT statement_id FROM governments.attribution WHERE actor_id = $1)
             ORDER BY s.issued_on, s.id`,
            [ids.actor],
          ),
          rows(
            pool,
            `SELECT l.id, l.kind, ${DEFENDANTS} AS defendants, ${CHARGES} AS charges
             FROM legal.legal_action l
             WHERE l.id IN (SELECT id FROM legal.legal_action WHERE related_actor_ids && ARRAY[$1::text]
               UNION SELECT legal_action_id FROM legal.defendant WHERE affiliated_actor_id = $1)
             ORDER BY l.dated_on, l.id`,
            [ids.actor],
          ),
        ]),
    },
    {
      name: "search story",
      kind: "search",
      query: SEARCH_STORY,
      variables: { text: ids.searchText },
      floor: async (pool) => {
        // A UNION of two GIN index scans, as the resolver does: OR EXISTS reads every statement.
        const match = `s.id IN (SELECT id FROM governments.statement WHERE search @@ governments.search_query($1)
          UNION SELECT statement_id FROM governments.quote WHERE search @@ governments.search_query($1))`;
        const [page, count] = await Promise.all([
          rows(
            pool,
            `SELECT s.id, s.language, s.issuer_id, ${QUOTES} AS quotes,
               (SELECT array_agg(DISTINCT a.incident_id) FROM governments.attribution a
                WHERE a.statement_id = s.id) AS incident_ids
             FROM governments.statement s WHERE ${match}
             ORDER BY ts_rank(s.search, governments.search_query($1)) DESC, s.id LIMIT 20`,
            [ids.searchText],
          ),
          rows(pool, `SELECT count(*) FROM governments.statement s WHERE ${match}`, [
            ids.searchText,
          ]),
        ]);
        const incidentIds = [...new Set(page.flatMap((row) => row.incident_ids as string[]))];
        const related = await rows(
          pool,
          `SELECT i.id, i.name, (SELECT coalesce(json_agg(json_build_object('id', l.id,
               'title', l.title, 'defendants', ${DEFENDANTS}) ORDER BY l.dated_on, l.id), '[]')
             FROM legal.legal_action l WHERE l.related_incident_ids @> ARRAY[i.id]) AS legal_actions
           FROM incidents.incident i WHERE i.id = ANY($1)`,
          [incidentIds],
        );
        return { page, count, related };
      },
    },
    {
      name: "filtered list",
      kind: "list",
      query: STATEMENT_LIST,
      variables: { governmentIds: [ids.government], from: "2015", to: "2020" },
      floor: async (pool) => {
        const page = await rows(
          pool,
          `SELECT s.id, s.title, s.issued_on, s.issued_precision, g.id AS issuer_id, g.name AS issuer
           FROM governments.statement s JOIN governments.government g ON g.id = s.issuer_id
           WHERE (s.issuer_id = $1 OR s.cosigner_ids && ARRAY[$1::text])
             AND s.issued_on >= '2015-01-01' AND s.issued_on <= '2020-12-31'
           ORDER BY s.issued_on DESC, s.id DESC LIMIT 21`,
          [ids.government],
        );
        const attributions = await rows(
          pool,
          `SELECT a.statement_id, a.id, a.confidence_level, i.id AS incident_id, i.name AS incident,
             t.id AS actor_id, t.name AS actor
           FROM governments.attribution a LEFT JOIN incidents.incident i ON i.id = a.incident_id
           LEFT JOIN incidents.threat_actor t ON t.id = a.actor_id
           WHERE a.statement_id = ANY($1) ORDER BY a.statement_id, a.position`,
          [page.slice(0, 20).map((row) => row.id)],
        );
        return { page, attributions };
      },
    },
    {
      name: "text search",
      kind: "search",
      query: INCIDENT_SEARCH,
      variables: { text: ids.incidentText },
      floor: (pool) => {
        const match = `(i.search_names ILIKE incidents.f_unaccent($2)
          OR incidents.f_unaccent(lower($1)) <% i.search_names
          OR i.search @@ incidents.search_query($1))`;
        const values = [ids.incidentText, `%${ids.incidentText}%`];
        return Promise.all([
          rows(
            pool,
            `SELECT i.id, i.name, i.aliases, i.first_observed_on, i.first_observed_precision
             FROM incidents.incident i WHERE ${match}
             ORDER BY coalesce(i.occurred_on, DATE '0001-01-01') DESC, i.id DESC LIMIT 21`,
            values,
          ),
          rows(pool, `SELECT count(*) FROM incidents.incident i WHERE ${match}`, values),
        ]);
      },
    },
  ];
}
