import type { DataSource } from "typeorm";
import type { Ordering } from "../kit/pagination";
import { Defendant } from "./defendant";
import { LegalAction } from "./legal-action";

/**
 * By the date of the action, oldest first with undated actions last, then by action and
 * position. `dated_on` is never NULL (undated is DATE '0001-01-01'), so neither is this key, and
 * keyset cursors always compare.
 */
export const BY_ACTION_DATE: Ordering = {
  name: "ACTION_DATE",
  keys: [
    {
      sql: "CASE WHEN l.dated_on = DATE '0001-01-01' THEN DATE 'infinity' ELSE l.dated_on END",
      direction: "ASC",
    },
    { sql: "l.id", direction: "ASC" },
    { sql: "d.position", direction: "ASC" },
  ],
};

/** Defendants (alias `d`) with their legal action (alias `l`). */
export function defendantQuery(db: DataSource) {
  return db
    .getRepository(Defendant)
    .createQueryBuilder("d")
    .innerJoin(LegalAction, "l", "l.id = d.legal_action_id");
}
