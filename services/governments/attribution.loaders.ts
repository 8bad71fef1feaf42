import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, childrenLoader, nestedLoader } from "../kit/loaders";
import type { Ordering } from "../kit/pagination";
import { Attribution, AttributionConnection } from "./attribution";
import { attributionList } from "./attribution.queries";
import { issuedOrCosignedBy } from "./statement.queries";

/** In the order of their statement. */
const LISTED: Ordering = { name: "POSITION", keys: [{ sql: "a.position", direction: "ASC" }] };

/** Attributions by id, by statement, and the attributions of each parent record, batched. */
export function attributionLoaders(db: DataSource, budget: ResponseBudget) {
  const attributionById = byIdLoader(db, budget, Attribution);
  const attributionsWhere = (parent: (key: string) => string) =>
    attributionList.nested(db, budget, attributionById, parent);
  return {
    attributionById,
    /** All of each statement's attributions, for the incidents it attributes. */
    attributionsByStatement: childrenLoader(db, budget, Attribution, "statementId"),
    attributionsMadeBy: attributionsWhere(issuedOrCosignedBy),
    attributionsReceivedBy: attributionsWhere((key) => `a.state_id = ${key}`),
    attributionsOfIncident: attributionsWhere((key) => `a.incident_id = ${key}`),
    attributionsOfActor: attributionsWhere((key) => `a.actor_id = ${key}`),
    attributionsOfStatement: nestedLoader(
      db,
      budget,
      AttributionConnection,
      () => ({
        // Under its own statement: nothing to join.
        query: () => db.getRepository(Attribution).createQueryBuilder("a"),
        parent: (key) => `a.statement_id = ${key}`,
        id: "a.id",
        byId: attributionById,
        shape: "attributions of a statement",
      }),
      () => LISTED,
    ),
  };
}
