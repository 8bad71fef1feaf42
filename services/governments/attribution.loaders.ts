import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, childrenLoader, nestedLoader } from "../kit/loaders";
import type { Ordering } from "../kit/pagination";
import { Attribution, AttributionConnection } from "./attribution";
import type { AttributionFilter, AttributionListArgs } from "./attribution.inputs";
import { attributionOrdering, attributionQuery } from "./attribution.queries";
import { issuedOrCosignedBy } from "./statement.queries";

/** In the order of their statement. */
const LISTED: Ordering = { name: "POSITION", keys: [{ sql: "a.position", direction: "ASC" }] };

/** Attributions by id, by statement, and the attributions of each parent record, batched. */
export function attributionLoaders(db: DataSource, budget: ResponseBudget) {
  const attributionById = byIdLoader(db, Attribution);
  const attributions = (
    filter: AttributionFilter | undefined,
    parent: (key: string) => string,
  ) => ({
    query: () => attributionQuery(db, filter),
    parent,
    id: "a.id",
    fetch: (ids: string[]) => attributionById.loadMany(ids),
  });
  const attributionsWhere = (parent: (key: string) => string) =>
    nestedLoader(
      db,
      budget,
      AttributionConnection,
      (args: AttributionListArgs) => attributions(args.filter, parent),
      (args) => attributionOrdering(args.orderBy),
    );
  return {
    attributionById,
    /** All of each statement's attributions, for the incidents it attributes. */
    attributionsByStatement: childrenLoader(db, Attribution, "statementId"),
    attributionsMadeBy: attributionsWhere(issuedOrCosignedBy),
    attributionsReceivedBy: attributionsWhere((key) => `a.state_id = ${key}`),
    attributionsOfIncident: attributionsWhere((key) => `a.incident_id = ${key}`),
    attributionsOfActor: attributionsWhere((key) => `a.actor_id = ${key}`),
    attributionsOfStatement: nestedLoader(
      db,
      budget,
      AttributionConnection,
      () => attributions(undefined, (key) => `a.statement_id = ${key}`),
      () => LISTED,
    ),
  };
}
