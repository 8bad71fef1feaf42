import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, childrenLoader } from "../kit/loaders";
import { Charge } from "./charge";
import { LegalAction } from "./legal-action";
import { legalActionList } from "./legal-action.queries";

/** Legal actions by id, their charges, and the legal actions of each parent record, batched. */
export function legalActionLoaders(db: DataSource, budget: ResponseBudget) {
  const legalActionById = byIdLoader(db, budget, LegalAction);
  const legalActionsWhere = (parent: (key: string) => string) =>
    legalActionList.nested(db, budget, legalActionById, parent);
  return {
    legalActionById,
    chargesOf: childrenLoader(db, budget, Charge, "legalActionId"),
    legalActionsBrought: legalActionsWhere((key) => `l.jurisdiction_id = ${key}`),
    legalActionsOfIncident: legalActionsWhere((key) => `l.related_incident_ids @> ARRAY[${key}]`),
    // Related to the actor, or charging one of its members (alias m: d is the filter's). A UNION
    // of two index scans: the OR of an array test and a subquery reads every legal action.
    legalActionsOfActor: legalActionsWhere(
      (key) =>
        `l.id IN (SELECT r.id FROM legal.legal_action r WHERE r.related_actor_ids @> ARRAY[${key}]
          UNION SELECT m.legal_action_id FROM legal.defendant m WHERE m.affiliated_actor_id = ${key})`,
    ),
    legalActionsOfPerson: legalActionsWhere(
      (key) =>
        `l.id IN (SELECT m.legal_action_id FROM legal.defendant m WHERE m.person_id = ${key})`,
    ),
  };
}
