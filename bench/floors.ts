import type { Pool } from "pg";
import { encodeCursor } from "../services/kit/pagination";
import {
  CHARGES,
  date,
  DEFAULT_PAGE,
  DEFENDANTS,
  governmentsIn,
  key,
  NEWEST_ACTIONS,
  nodes,
  QUOTES,
  RECENT_INCIDENTS,
  ref,
  rows,
  total,
} from "./floor-sql";

/**
 * The SQL floors: each benchmark query's answer (its `data`, field for field, the same pages in
 * the same order) by hand-written SQL through `pg`, the way a service without GraphQL would get
 * it: cross-schema joins, JSON built by PostgreSQL, prepared statements, independent statements
 * in parallel.
 */

export async function incidentStory(pool: Pool, id: string) {
  const [[incident], attributions, legalActions] = await Promise.all([
    rows(
      pool,
      `SELECT i.id, i.name, i.aliases, ${date("i.first_observed", true)} AS "firstObserved",
         json_build_object('nodes', (SELECT coalesce(json_agg(json_build_object('id', a.id,
             'name', a.name, 'sponsorState', ${ref("g")}) ORDER BY ia.position), '[]')
           FROM (SELECT * FROM incidents.incident_actor WHERE incident_id = i.id
                 ORDER BY position LIMIT ${DEFAULT_PAGE}) ia
           JOIN incidents.threat_actor a ON a.id = ia.actor_id
           LEFT JOIN governments.government g ON g.id = a.sponsor_state_id)) AS "suspectedActors"
       FROM incidents.incident i WHERE i.id = $1`,
      [id],
    ),
    rows(
      pool,
      `SELECT count(*) OVER () AS total, json_build_object('id', a.id, 'kind', a.kind,
         'confidenceWording', a.confidence_wording, 'confidenceLevel', a.confidence_level,
         'confidenceScore', a.confidence_score, 'state', ${ref("st")}, 'agency', ${ref("ag")},
         'actor', ${ref("ta")}, 'statement', json_build_object('id', s.id,
           'issuedAt', ${date("s.issued", true)}, 'issuer', ${ref("iss")},
           'cosigners', ${governmentsIn("s.cosigner_ids")}, 'speaker', ${ref("sp")},
           'quotes', ${QUOTES})) AS node
       FROM governments.attribution a
       JOIN governments.statement s ON s.id = a.statement_id
       JOIN governments.government iss ON iss.id = s.issuer_id
       LEFT JOIN governments.official sp ON sp.id = s.speaker_id
       LEFT JOIN governments.government st ON st.id = a.state_id
       LEFT JOIN governments.agency ag ON ag.id = a.agency_id
       LEFT JOIN incidents.threat_actor ta ON ta.id = a.actor_id
       WHERE a.incident_id = $1 ORDER BY s.issued_on DESC, a.id DESC LIMIT 100`,
      [id],
    ),
    rows(
      pool,
      `SELECT json_build_object('id', l.id, 'title', l.title,
         'charges', ${CHARGES(["description", "counts"])},
         'defendants', ${DEFENDANTS("id and name", true)}) AS node
       FROM legal.legal_action l WHERE l.related_incident_ids @> ARRAY[$1::text]
       ORDER BY ${NEWEST_ACTIONS} LIMIT ${DEFAULT_PAGE}`,
      [id],
    ),
  ]);
  return {
    incident: incident && {
      ...incident,
      attributions: { totalCount: total(attributions), nodes: nodes(attributions) },
      legalActions: { nodes: nodes(legalActions) },
    },
  };
}

export async function governmentStory(pool: Pool, id: string) {
  const [[government], actors, attributions, nationals] = await Promise.all([
    rows(pool, `SELECT id, name FROM governments.government WHERE id = $1`, [id]),
    rows(
      pool,
      `SELECT json_build_object('id', id, 'name', name) AS node FROM incidents.threat_actor
       WHERE sponsor_state_id = $1 ORDER BY name, id LIMIT 100`,
      [id],
    ),
    rows(
      pool,
      `SELECT count(*) OVER () AS total, json_build_object('id', a.id,
         'issuedAt', ${date("s.issued")},
         'attributedBy', ${governmentsIn("array_prepend(s.issuer_id, s.cosigner_ids)")},
         'incident', ${ref("i")}, 'actor', ${key("a.actor_id")}) AS node
       FROM governments.attribution a JOIN governments.statement s ON s.id = a.statement_id
       LEFT JOIN incidents.incident i ON i.id = a.incident_id
       WHERE a.state_id = $1 ORDER BY s.issued_on DESC, a.id DESC LIMIT 100`,
      [id],
    ),
    rows(
      pool,
      `SELECT json_build_object('name', d.name, 'legalAction',
         json_build_object('id', l.id, 'title', l.title)) AS node
       FROM legal.defendant d JOIN legal.legal_action l ON l.id = d.legal_action_id
       WHERE d.nationality_id = $1
       ORDER BY CASE WHEN l.dated_on = DATE '0001-01-01' THEN DATE 'infinity' ELSE l.dated_on END,
         l.id, d.position LIMIT 100`,
      [id],
    ),
  ]);
  return {
    government: government && {
      ...government,
      sponsoredActors: { nodes: nodes(actors) },
      attributionsReceived: { totalCount: total(attributions), nodes: nodes(attributions) },
      nationalsCharged: { nodes: nodes(nationals) },
    },
  };
}

export async function actorStory(pool: Pool, id: string) {
  const [[actor], incidents, statements, legalActions] = await Promise.all([
    rows(
      pool,
      `SELECT a.id, a.name, (SELECT coalesce(json_agg(json_build_object('name', x.value->>'name',
           'namedBy', x.value->>'namedBy') ORDER BY x.n), '[]')
         FROM jsonb_array_elements(a.aliases) WITH ORDINALITY AS x(value, n)) AS aliases,
         ${ref("g")} AS "sponsorState"
       FROM incidents.threat_actor a LEFT JOIN governments.government g ON g.id = a.sponsor_state_id
       WHERE a.id = $1`,
      [id],
    ),
    rows(
      pool,
      `SELECT json_build_object('id', i.id, 'name', i.name) AS node
       FROM incidents.incident_actor ia JOIN incidents.incident i ON i.id = ia.incident_id
       WHERE ia.actor_id = $1 ORDER BY ${RECENT_INCIDENTS} LIMIT 100`,
      [id],
    ),
    rows(
      pool,
      `SELECT json_build_object('id', s.id, 'issuedAt', ${date("s.issued")},
         'issuer', json_build_object('id', s.issuer_id)) AS node
       FROM governments.statement s
       WHERE s.id IN (SELECT statement_id FROM governments.attribution WHERE actor_id = $1)
       ORDER BY s.issued_on DESC, s.id DESC LIMIT 100`,
      [id],
    ),
    rows(
      pool,
      // A UNION of two index scans: "related_actor_ids && ... OR l.id IN (...)" reads every action.
      `SELECT json_build_object('id', l.id, 'kind', l.kind, 'defendants', ${DEFENDANTS("id")},
         'charges', ${CHARGES(["description"])}) AS node
       FROM legal.legal_action l
       WHERE l.id IN (SELECT id FROM legal.legal_action WHERE related_actor_ids @> ARRAY[$1::text]
         UNION SELECT legal_action_id FROM legal.defendant WHERE affiliated_actor_id = $1)
       ORDER BY ${NEWEST_ACTIONS} LIMIT 100`,
      [id],
    ),
  ]);
  return {
    threatActor: actor && {
      ...actor,
      incidents: { nodes: nodes(incidents) },
      statements: { nodes: nodes(statements) },
      legalActions: { nodes: nodes(legalActions) },
    },
  };
}

/** Statements matching `text` by relevance (20), their incidents (5 each), their legal actions (5 each). */
export async function searchStory(pool: Pool, text: string) {
  // A UNION of two GIN index scans, as the resolver does: OR EXISTS reads every statement.
  const match = `s.id IN (SELECT id FROM governments.statement WHERE search @@ governments.search_query($1)
    UNION SELECT statement_id FROM governments.quote WHERE search @@ governments.search_query($1))`;
  const [page, count] = await Promise.all([
    rows(
      pool,
      `SELECT s.id, s.language, json_build_object('id', s.issuer_id) AS issuer, ${QUOTES} AS quotes,
         ARRAY(SELECT a.incident_id FROM governments.attribution a WHERE a.statement_id = s.id
               GROUP BY a.incident_id ORDER BY min(a.position) LIMIT 5) AS incident_ids
       FROM governments.statement s WHERE ${match}
       ORDER BY round(greatest(ts_rank(s.search, governments.search_query($1)),
         coalesce((SELECT max(ts_rank(q.search, governments.search_query($1))) FROM governments.quote q
                   WHERE q.statement_id = s.id), 0))::numeric, 4) DESC, s.issued_on DESC, s.id
       LIMIT ${DEFAULT_PAGE}`,
      [text],
    ),
    rows(pool, `SELECT count(*) AS total FROM governments.statement s WHERE ${match}`, [text]),
  ]);
  const incidentIds = [...new Set(page.flatMap((row) => row.incident_ids as string[]))];
  const incidents = await rows(
    pool,
    `SELECT i.id, json_build_object('id', i.id, 'name', i.name, 'legalActions',
       json_build_object('nodes', (SELECT coalesce(json_agg(json_build_object('id', l.id,
           'title', l.title, 'defendants', ${DEFENDANTS("none")}) ORDER BY ${NEWEST_ACTIONS}), '[]')
         FROM (SELECT * FROM legal.legal_action l WHERE l.related_incident_ids @> ARRAY[i.id]
               ORDER BY ${NEWEST_ACTIONS} LIMIT 5) l))) AS node
     FROM incidents.incident i WHERE i.id = ANY($1)`,
    [incidentIds],
  );
  const incidentById = new Map(incidents.map((row) => [row.id, row.node]));
  return {
    statements: {
      totalCount: total(count),
      nodes: page.map(({ incident_ids, ...statement }) => ({
        ...statement,
        incidents: { nodes: (incident_ids as string[]).map((i) => incidentById.get(i) ?? null) },
      })),
    },
  };
}

/** A government's statements issued between two days, newest first: one page of 20. */
export async function statementList(pool: Pool, government: string, from: string, to: string) {
  const page = await rows(
    pool,
    `SELECT s.id, s.issued_on, json_build_object('id', s.id, 'title', s.title,
       'issuedAt', ${date("s.issued")}, 'issuer', ${ref("g")},
       'attributions', json_build_object('nodes', (SELECT coalesce(json_agg(json_build_object(
           'id', a.id, 'confidenceLevel', a.confidence_level, 'incident', ${ref("i")},
           'actor', ${ref("t")}) ORDER BY a.position), '[]')
         FROM (SELECT * FROM governments.attribution WHERE statement_id = s.id
               ORDER BY position LIMIT ${DEFAULT_PAGE}) a
         LEFT JOIN incidents.incident i ON i.id = a.incident_id
         LEFT JOIN incidents.threat_actor t ON t.id = a.actor_id))) AS node
     FROM governments.statement s JOIN governments.government g ON g.id = s.issuer_id
     WHERE (s.issuer_id = $1 OR s.cosigner_ids && ARRAY[$1::text])
       AND s.issued_on >= $2 AND s.issued_on <= $3
     ORDER BY s.issued_on DESC, s.id DESC LIMIT ${DEFAULT_PAGE + 1}`,
    [government, from, to],
  );
  const shown = page.slice(0, DEFAULT_PAGE);
  const last = shown.at(-1);
  return {
    statements: {
      pageInfo: {
        hasNextPage: page.length > DEFAULT_PAGE,
        // The API's own cursor of the last row: keys of its ordering (issued_on, id).
        endCursor: last
          ? encodeCursor("ISSUED_AT_DESC", [String(last.issued_on), String(last.id)])
          : null,
      },
      nodes: nodes(shown),
    },
  };
}
