import { statementsMigration } from "../../kit/migrations";
import { trigramCostsSql } from "../../kit/sql";

/** The trigram index for broad name searches too: pg_trgm's operators costed as they run. */
export class TrigramCosts1765000100000 extends statementsMigration(
  "TrigramCosts1765000100000",
  [trigramCostsSql()],
  [trigramCostsSql(1)],
) {}
