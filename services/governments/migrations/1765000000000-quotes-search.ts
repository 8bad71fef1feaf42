import { statementsMigration } from "../../kit/migrations";
import { childrenColumnsSql } from "../../kit/sql";

/**
 * A statement's quotes' words on its row (`quotes_search`, the quotes' search vectors joined),
 * so that a text search is one indexable condition on one table, which PostgreSQL can either
 * look up by index (a rare word) or check row by row while it walks the statements by date and
 * stops at the page (a word most statements hold).
 */
const { up, down } = childrenColumnsSql(
  "governments",
  "statement",
  [
    {
      name: "quotes_search",
      type: "tsvector",
      value: (id) =>
        `(SELECT governments.tsvector_agg(q.search) FROM governments.quote q WHERE q.statement_id = ${id})`,
      index: "gin (quotes_search)",
    },
  ],
  [{ table: "quote", key: "statement_id" }],
);

export class QuotesSearch1765000000000 extends statementsMigration(
  "QuotesSearch1765000000000",
  up,
  down,
) {}
