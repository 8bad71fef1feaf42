import { statementsMigration } from "../../kit/migrations";
import { childrenColumnsSql } from "../../kit/sql";

/**
 * A legal action's charges' and defendants' words on its row (`parts_search`, their search
 * vectors joined; `defendant_names`, the names unaccented, one per line, for a part of a name),
 * so that a text search is one indexable condition on one table, looked up by index (a rare
 * word) or checked row by row while PostgreSQL walks the actions by date (a word most hold).
 */
const { up, down } = childrenColumnsSql(
  "legal",
  "legal_action",
  [
    {
      name: "parts_search",
      type: "tsvector",
      value: (id) => `(SELECT legal.tsvector_agg(x.search) FROM (
          SELECT search FROM legal.charge WHERE legal_action_id = ${id}
          UNION ALL SELECT search FROM legal.defendant WHERE legal_action_id = ${id}) x)`,
      index: "gin (parts_search)",
    },
    {
      name: "defendant_names",
      type: "text",
      value: (id) => `(SELECT string_agg(legal.f_unaccent(d.name), E'\\n' ORDER BY d.position)
          FROM legal.defendant d WHERE d.legal_action_id = ${id})`,
      index: "gin (defendant_names public.gin_trgm_ops)",
    },
  ],
  [
    { table: "charge", key: "legal_action_id" },
    { table: "defendant", key: "legal_action_id" },
  ],
);

export class PartsSearch1765000200000 extends statementsMigration(
  "PartsSearch1765000200000",
  up,
  down,
) {}
