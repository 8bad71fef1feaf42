import type { Pool } from "pg";
import { containsPattern } from "../services/kit/filters";
import { DEFAULT_TEXT_COUNT_BOUND } from "../services/kit/config";
import { DEFAULT_PAGE, date, rows, total } from "./floor-sql";

/** The SQL floors of the text searches (floors.ts says what a floor is). */

/** Incidents by name, alias or summary words, best match first (as the API ranks them, then most
 * recent, then id): one page of 20 and the count. */
export async function incidentSearch(pool: Pool, text: string) {
  const match = `(i.search_names LIKE lower(incidents.f_unaccent($2))
    OR i.search_names %> incidents.f_unaccent(lower($1))
    OR i.search @@ incidents.search_query($1))`;
  const values = [text, containsPattern(text)];
  const [page, count] = await Promise.all([
    rows(
      pool,
      `SELECT i.id, i.name, i.aliases, ${date("i.first_observed")} AS "firstObserved"
       FROM incidents.incident i WHERE ${match}
       ORDER BY round((word_similarity(incidents.f_unaccent(lower($1)), i.search_names)
         + ts_rank(i.search, incidents.search_query($1)))::numeric, 4) DESC,
         coalesce(i.occurred_on, DATE '0001-01-01') DESC, i.id ASC
       LIMIT ${DEFAULT_PAGE}`,
      values,
    ),
    rows(pool, `SELECT count(*) AS total FROM incidents.incident i WHERE ${match}`, values),
  ]);
  return { incidents: { totalCount: total(count), nodes: page } };
}

/**
 * Statements holding a word most of them hold, best match first among the matches the count
 * reads (the bound + 1 most recent, as the API ranks them): one page of 20 and the bounded count.
 */
export async function broadStatementSearch(pool: Pool, text: string) {
  const matches = `SELECT s.id, s.title, s.issued_on, s.issued_precision, s.search
    FROM governments.statement s
    WHERE s.search @@ governments.search_query($1) OR s.quotes_search @@ governments.search_query($1)
    ORDER BY s.issued_on DESC, s.id ASC LIMIT ${DEFAULT_TEXT_COUNT_BOUND + 1}`;
  // Not a prepared statement: planned for its word each time (a generic plan cannot know
  // whether the word is rare, and walks or scans the index wrongly for one of the two).
  const { rows: page } = await pool.query(
    `SELECT m.id, m.title, ${date("m.issued")} AS "issuedAt", count(*) OVER () AS total
     FROM (${matches}) m
     ORDER BY round(greatest(ts_rank(m.search, governments.search_query($1)),
       coalesce((SELECT max(ts_rank(q.search, governments.search_query($1))) FROM governments.quote q
                 WHERE q.statement_id = m.id), 0))::numeric, 4) DESC, m.issued_on DESC, m.id
     LIMIT ${DEFAULT_PAGE}`,
    [text],
  );
  const count = total(page);
  return {
    statements: {
      totalCount: Math.min(count, DEFAULT_TEXT_COUNT_BOUND),
      totalCountIsLowerBound: count > DEFAULT_TEXT_COUNT_BOUND,
      nodes: page.map(({ total: _total, ...statement }) => statement),
    },
  };
}
