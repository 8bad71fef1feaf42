import type { Pool } from "pg";

/** The SQL fragments the floors share: prepared statements, JSON shapes of records and lists. */

type Row = Record<string, unknown>;

const statementNames = new Map<string, string>();

/** Runs `sql` as a named prepared statement, planned once per connection as a tuned service would. */
export async function rows(pool: Pool, sql: string, values: unknown[]): Promise<Row[]> {
  let name = statementNames.get(sql);
  if (!name) {
    name = `floor-${statementNames.size}`;
    statementNames.set(sql, name);
  }
  return (await pool.query<Row>({ name, text: sql, values })).rows;
}
export const nodes = (list: Row[]) => list.map((row) => row.node);
export const total = (list: Row[]) => Number(list[0]?.total ?? 0);

/** Pages of lists on records are 20 items unless the query says `first`. */
export const DEFAULT_PAGE = 20;

/** `{ id, name }` of the row `alias`, or null when the join found none. */
export const ref = (alias: string, fields = ["id", "name"]) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object(${fields
    .map((field) => `'${field}', ${alias}.${field}`)
    .join(", ")}) END`;
/** `{ id }` of a reference column, without reading the record (the key is all that is asked). */
export const key = (column: string) =>
  `CASE WHEN ${column} IS NULL THEN NULL ELSE json_build_object('id', ${column}) END`;
/** A DateWithPrecision from `<prefix>_on` and `<prefix>_precision`: "2021", "2021-03", ... */
export const date = (prefix: string, withPrecision = false) =>
  `CASE WHEN ${prefix}_on IS NULL THEN NULL ELSE json_build_object('value',
    left(${prefix}_on::text, CASE ${prefix}_precision WHEN 'YEAR' THEN 4 WHEN 'MONTH' THEN 7 ELSE 10 END)
    ${withPrecision ? `, 'precision', ${prefix}_precision` : ""}) END`;
/** The governments of an id array, in its order, first page: cosigners, attributedBy. */
export const governmentsIn = (ids: string) => `json_build_object('nodes',
  (SELECT coalesce(json_agg(json_build_object('id', x.id, 'name', x.name) ORDER BY x.n), '[]')
   FROM (SELECT g.id, g.name, m.n FROM unnest(${ids}) WITH ORDINALITY AS m(id, n)
         JOIN governments.government g ON g.id = m.id ORDER BY m.n LIMIT ${DEFAULT_PAGE}) x))`;
export const QUOTES = `(SELECT coalesce(json_agg(json_build_object('text', q.text, 'language', q.language,
    'translations', (SELECT coalesce(json_agg(json_build_object('language', t.value->>'language',
       'text', t.value->>'text') ORDER BY t.n), '[]')
     FROM jsonb_array_elements(q.translations) WITH ORDINALITY AS t(value, n))) ORDER BY q.position), '[]')
  FROM governments.quote q WHERE q.statement_id = s.id)`;
export const CHARGES = (fields: string[]) =>
  `(SELECT coalesce(json_agg(json_build_object(${fields.map((f) => `'${f}', c.${f}`).join(", ")})
    ORDER BY c.position), '[]') FROM legal.charge c WHERE c.legal_action_id = l.id)`;
/** Defendants of legal action `l` with the fields asked: name, status, nationality. */
export const DEFENDANTS = (nationality: "none" | "id" | "id and name", status = false) =>
  `(SELECT coalesce(json_agg(json_build_object('name', d.name${status ? ", 'status', d.status" : ""}
    ${nationality === "id" ? `, 'nationality', ${key("d.nationality_id")}` : ""}
    ${nationality === "id and name" ? `, 'nationality', ${ref("n")}` : ""}) ORDER BY d.position), '[]')
  FROM legal.defendant d
  ${nationality === "id and name" ? "LEFT JOIN governments.government n ON n.id = d.nationality_id" : ""}
  WHERE d.legal_action_id = l.id)`;
/** Legal actions, newest first (undated ones, DATE '0001-01-01', last). */
export const NEWEST_ACTIONS = "l.dated_on DESC, l.id DESC";
/** Incidents, most recent first (undated ones last). */
export const RECENT_INCIDENTS = "coalesce(i.occurred_on, DATE '0001-01-01') DESC, i.id DESC";
