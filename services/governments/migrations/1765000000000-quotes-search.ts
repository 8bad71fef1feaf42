import { statementsMigration } from "../../kit/migrations";

/** What `statement.quotes_search` holds: the search vectors of the statement's quotes, joined. */
const QUOTES_SEARCH_OF = (id: string) =>
  `(SELECT governments.tsvector_agg(q.search) FROM governments.quote q WHERE q.statement_id = ${id})`;

/** Refreshes the statements of the quotes a statement changed (the trigger's transition tables). */
const refreshSql = (changed: string) =>
  `UPDATE governments.statement s SET quotes_search = ${QUOTES_SEARCH_OF("s.id")}
    WHERE s.id IN (${changed});`;

/**
 * A statement's quotes' words on the statement row, kept by triggers (a generated column cannot
 * read other rows): a text search is then one indexable condition on one table, which PostgreSQL
 * can either look up by index (a rare word) or check row by row while it walks the statements by
 * date and stops at the page (a word most statements hold).
 */
export class QuotesSearch1765000000000 extends statementsMigration(
  "QuotesSearch1765000000000",
  [
    `CREATE AGGREGATE governments.tsvector_agg(tsvector)
       (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')`,
    `ALTER TABLE governments.statement ADD COLUMN quotes_search tsvector`,
    `UPDATE governments.statement s SET quotes_search = q.search
       FROM (SELECT statement_id, governments.tsvector_agg(search) AS search
               FROM governments.quote GROUP BY statement_id) q
      WHERE q.statement_id = s.id`,
    `CREATE INDEX statement_quotes_search_idx ON governments.statement USING gin (quotes_search)`,
    `CREATE FUNCTION governments.refresh_quotes_search() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'INSERT' THEN ${refreshSql("SELECT statement_id FROM new_quotes")}
       ELSIF TG_OP = 'DELETE' THEN ${refreshSql("SELECT statement_id FROM old_quotes")}
       ELSE ${refreshSql("SELECT statement_id FROM new_quotes UNION SELECT statement_id FROM old_quotes")}
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER quote_inserted AFTER INSERT ON governments.quote
       REFERENCING NEW TABLE AS new_quotes
       FOR EACH STATEMENT EXECUTE FUNCTION governments.refresh_quotes_search()`,
    `CREATE TRIGGER quote_updated AFTER UPDATE ON governments.quote
       REFERENCING OLD TABLE AS old_quotes NEW TABLE AS new_quotes
       FOR EACH STATEMENT EXECUTE FUNCTION governments.refresh_quotes_search()`,
    `CREATE TRIGGER quote_deleted AFTER DELETE ON governments.quote
       REFERENCING OLD TABLE AS old_quotes
       FOR EACH STATEMENT EXECUTE FUNCTION governments.refresh_quotes_search()`,
  ],
  [
    `DROP TRIGGER quote_deleted ON governments.quote`,
    `DROP TRIGGER quote_updated ON governments.quote`,
    `DROP TRIGGER quote_inserted ON governments.quote`,
    `DROP FUNCTION governments.refresh_quotes_search()`,
    `ALTER TABLE governments.statement DROP COLUMN quotes_search`,
    `DROP AGGREGATE governments.tsvector_agg(tsvector)`,
  ],
) {}
