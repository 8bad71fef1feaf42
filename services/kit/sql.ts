/** SQL fragments shared by the subgraphs' migrations (each subgraph gets its own copy in its schema). */

export const SLUG_CHECK = (column: string) =>
  `CHECK (${column} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(${column}) <= 100)`;

export const ONE_OF = (column: string, values: string[]) =>
  `CHECK (${column} IN (${values.map((v) => `'${v}'`).join(", ")}))`;

export const PRECISION_CHECK = (column: string) => ONE_OF(column, ["YEAR", "MONTH", "DAY"]);

/**
 * pg_trgm leaves its word-similarity operators (`<%`, `%>`) at the cost of `=`, though a call
 * takes ~5 µs, a hundred simple comparisons (BENCHMARKS.md, ninth session): the planner then
 * reads a few thousand threat actors whole rather than through the trigram index, twice as slow.
 * Only an owner of the functions may cost them (the superuser that made the extension): where the
 * role running this cannot, it says so and the costs stay as they were.
 */
export function trigramCostsSql(cost = 100): string {
  return `DO $$ BEGIN
      ALTER FUNCTION public.word_similarity_op(text, text) COST ${cost};
      ALTER FUNCTION public.word_similarity_commutator_op(text, text) COST ${cost};
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pg_trgm''s word-similarity operators keep their cost: % does not own them', current_user;
    END $$`;
}

/** Extensions and the immutable text-search helpers every subgraph's schema needs. */
export function searchFunctionsSql(schema: string): string[] {
  return [
    `CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`,
    `CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`,
    // unaccent() is only STABLE; generated columns and indexes need IMMUTABLE.
    `CREATE FUNCTION ${schema}.f_unaccent(text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    `CREATE FUNCTION ${schema}.search_config(language text) RETURNS regconfig
       LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT (CASE split_part(lower(coalesce(language, '')), '-', 1)
         WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german'
         WHEN 'es' THEN 'spanish' WHEN 'it' THEN 'italian' WHEN 'nl' THEN 'dutch'
         WHEN 'pt' THEN 'portuguese' WHEN 'ru' THEN 'russian' ELSE 'simple' END)::regconfig $$`,
    `CREATE FUNCTION ${schema}.doc_tsvector(language text, body text) RETURNS tsvector
       LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT to_tsvector(${schema}.search_config(language),
                                ${schema}.f_unaccent(coalesce(body, ''))) $$`,
    // A query matches in any of the languages the dataset holds: "piratage" and "hacking" alike.
    `CREATE FUNCTION ${schema}.search_query(q text) RETURNS tsquery
       LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT websearch_to_tsquery('english', ${schema}.f_unaccent(q))
                 || websearch_to_tsquery('french', ${schema}.f_unaccent(q))
                 || websearch_to_tsquery('simple', ${schema}.f_unaccent(q)) $$`,
    `CREATE FUNCTION ${schema}.language_matches(language text, wanted text[]) RETURNS boolean
       LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT lower(language) = ANY(wanted) OR split_part(lower(language), '-', 1) = ANY(wanted) $$`,
    `CREATE FUNCTION ${schema}.names_text(VARIADIC parts text[]) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT lower(${schema}.f_unaccent(array_to_string(parts, ' '))) $$`,
  ];
}

export function dropSearchFunctionsSql(schema: string): string[] {
  return [
    `DROP FUNCTION IF EXISTS ${schema}.names_text(text[])`,
    `DROP FUNCTION IF EXISTS ${schema}.language_matches(text, text[])`,
    `DROP FUNCTION IF EXISTS ${schema}.search_query(text)`,
    `DROP FUNCTION IF EXISTS ${schema}.doc_tsvector(text, text)`,
    `DROP FUNCTION IF EXISTS ${schema}.search_config(text)`,
    `DROP FUNCTION IF EXISTS ${schema}.f_unaccent(text)`,
  ];
}

/** A foreign key to `schema.table`, checked at commit (a bundle writes records in any order). */
export const DEFERRED_FK = (schema: string, table: string) =>
  `REFERENCES ${schema}.${table}(id) DEFERRABLE INITIALLY DEFERRED`;

/** A child row's key to its parent record, deleted with it. */
export const PARENT_FK = (schema: string, table: string) =>
  `REFERENCES ${schema}.${table}(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED`;

// Ids of other subgraphs' entities: slugs, never foreign keys (their tables are not ours).
export const REF = (column: string) => `text ${SLUG_CHECK(column)}`;
export const REFS = (column: string) =>
  `text[] NOT NULL DEFAULT '{}'
   CHECK (array_to_string(${column}, ',') ~ '^([a-z0-9]+(-[a-z0-9]+)*(,|$))*$')`;

/** A partial date's two columns, `<name>_on` and `<name>_precision`, both set or both NULL. */
export const DATE = (name: string) =>
  `${name}_on date, ${name}_precision text ${PRECISION_CHECK(`${name}_precision`)},
   CHECK ((${name}_on IS NULL) = (${name}_precision IS NULL))`;

/** Drops `tables` of `schema`, in the order given (children first). */
export const dropTablesSql = (schema: string, tables: string[]) =>
  tables.map((table) => `DROP TABLE IF EXISTS ${schema}.${table}`);

/** A column of a parent row kept from its child rows (`childrenColumnsSql`). */
export interface ChildrenColumn {
  name: string;
  type: string;
  /** SQL of its value for the parent whose id is `id`, read from the child tables. */
  value: (id: string) => string;
  /** Its index's method and expression: `gin (quotes_search)`. */
  index: string;
}

/**
 * Columns of `schema.parent` kept from the rows of `children` (each with its key to the parent)
 * by statement-level triggers, filled once when added; a generated column cannot read other
 * rows. A text search then matches a record by one indexable condition on one table (see
 * `firstMatches` in window-sql.ts). Up and down statements; `tsvector_agg` joins search vectors.
 */
export function childrenColumnsSql(
  schema: string,
  parent: string,
  columns: ChildrenColumn[],
  children: { table: string; key: string }[],
) {
  const set = columns.map((column) => `${column.name} = ${column.value("p.id")}`).join(", ");
  const refresh = (ids: string) =>
    `UPDATE ${schema}.${parent} p SET ${set} WHERE p.id IN (${ids});`;
  const fn = (table: string) => `${schema}.refresh_${parent}_from_${table}`;
  const events = [
    ["INSERT", "NEW TABLE AS new_rows"],
    ["UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"],
    ["DELETE", "OLD TABLE AS old_rows"],
  ] as const;
  const up = [
    `CREATE AGGREGATE ${schema}.tsvector_agg(tsvector)
       (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')`,
    ...columns.map(
      (column) => `ALTER TABLE ${schema}.${parent} ADD COLUMN ${column.name} ${column.type}`,
    ),
    `UPDATE ${schema}.${parent} p SET ${set}`,
    ...columns.map(
      (column) =>
        `CREATE INDEX ${parent}_${column.name}_idx ON ${schema}.${parent} USING ${column.index}`,
    ),
    ...children.flatMap(({ table, key }) => {
      const ids = (rows: string) => `SELECT ${key} FROM ${rows}`;
      return [
        `CREATE FUNCTION ${fn(table)}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF TG_OP = 'INSERT' THEN ${refresh(ids("new_rows"))}
           ELSIF TG_OP = 'DELETE' THEN ${refresh(ids("old_rows"))}
           ELSE ${refresh(`${ids("new_rows")} UNION ${ids("old_rows")}`)}
           END IF;
           RETURN NULL;
         END $$`,
        ...events.map(
          ([event, tables]) => `CREATE TRIGGER ${table}_${event.toLowerCase()}_refreshes_${parent}
             AFTER ${event} ON ${schema}.${table} REFERENCING ${tables}
             FOR EACH STATEMENT EXECUTE FUNCTION ${fn(table)}()`,
        ),
      ];
    }),
  ];
  const down = [
    ...children.flatMap(({ table }) => [
      ...events.map(
        ([event]) =>
          `DROP TRIGGER ${table}_${event.toLowerCase()}_refreshes_${parent} ON ${schema}.${table}`,
      ),
      `DROP FUNCTION ${fn(table)}()`,
    ]),
    ...columns.map((column) => `ALTER TABLE ${schema}.${parent} DROP COLUMN ${column.name}`),
    `DROP AGGREGATE ${schema}.tsvector_agg(tsvector)`,
  ];
  return { up, down };
}
