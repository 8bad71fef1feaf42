import type { Pool } from "pg";
import {
  ACTOR_STORY,
  GOVERNMENT_STORY,
  INCIDENT_STORY,
  SEARCH_STORY,
} from "../harness/queries/cross-source";
import { actorStory, governmentStory, incidentStory, searchStory, statementList } from "./floors";
import { broadStatementSearch, incidentSearch } from "./search-floors";

/** One benchmarked request: the GraphQL query, and the same data by hand-written SQL. */
export interface BenchCase {
  name: string;
  kind: "lookup" | "list" | "search" | "write";
  query: string;
  variables: Record<string, unknown>;
  /** An API key's token the requests carry (a write's editor key). */
  token?: string;
  /** Completes `variables` from the graph (`read` answers a query's data) before the checks. */
  prepare?(
    read: (query: string, variables: Record<string, unknown>) => Promise<unknown>,
  ): Promise<void>;
  /**
   * The SQL floor: the answer's `data` through `pg`, field for field (the benchmark checks they
   * are equal), statements in parallel where independent.
   */
  floor(pool: Pool): Promise<unknown>;
}

export const STATEMENT_LIST = /* GraphQL */ `
  query StatementList($governmentIds: [ID!], $from: PartialDate, $to: PartialDate, $after: String) {
    statements(
      filter: { governmentIds: $governmentIds, issuedBetween: { from: $from, to: $to } }
      first: 20
      after: $after
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
          nodes {
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
  }
`;

/** Statements by a word most hold, best match first: a text search past its count's bound. */
export const BROAD_SEARCH = /* GraphQL */ `
  query BroadSearch($text: String!) {
    statements(filter: { text: $text }, first: 20) {
      totalCount
      totalCountIsLowerBound
      nodes {
        id
        title
        issuedAt {
          value
        }
      }
    }
  }
`;

/** In every generated statement's title ("… Operation Dorvavava …"). */
const BROAD_WORD = "operation";

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

type Floor = (pool: Pool, value: string) => Promise<unknown>;

/** A case of one variable (`variable`), whose value its floor is given too. */
const oneValue =
  (kind: BenchCase["kind"], variable: string) =>
  (name: string, query: string, value: string, floor: Floor): BenchCase => ({
    name,
    kind,
    query,
    variables: { [variable]: value },
    floor: (pool) => floor(pool, value),
  });

/** A record read by id: `{ id }`. */
const lookup = oneValue("lookup", "id");
/** A search for `{ text }`. */
const search = oneValue("search", "text");

export function benchCases(ids: BenchIds): BenchCase[] {
  return [
    lookup("incident story", INCIDENT_STORY, ids.incident, incidentStory),
    lookup("government story", GOVERNMENT_STORY, ids.government, governmentStory),
    lookup("actor story", ACTOR_STORY, ids.actor, actorStory),
    search("search story", SEARCH_STORY, ids.searchText, searchStory),
    {
      name: "filtered list",
      kind: "list",
      query: STATEMENT_LIST,
      variables: { governmentIds: [ids.government], from: "2015", to: "2020" },
      floor: (pool) => statementList(pool, ids.government, "2015-01-01", "2020-12-31"),
    },
    search("text search", INCIDENT_SEARCH, ids.incidentText, incidentSearch),
    search("broad text search", BROAD_SEARCH, BROAD_WORD, broadStatementSearch),
  ];
}
