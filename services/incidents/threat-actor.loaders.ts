import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, nestedLoader } from "../kit/loaders";
import { ThreatActor, ThreatActorConnection } from "./threat-actor";
import { AS_SUSPECTED, suspectedActorQuery, threatActorList } from "./threat-actor.queries";

/** Threat actors by id, those a state sponsors and those an incident names, batched. */
export function threatActorLoaders(db: DataSource, budget: ResponseBudget) {
  const threatActorById = byIdLoader(db, budget, ThreatActor);
  return {
    threatActorById,
    actorsSponsoredBy: threatActorList.nested(
      db,
      budget,
      threatActorById,
      (key) => `a.sponsor_state_id = ${key}`,
    ),
    suspectedActorsOf: nestedLoader(
      db,
      budget,
      ThreatActorConnection,
      () => ({
        query: () => suspectedActorQuery(db),
        parent: (key) => `sa.incident_id = ${key}`,
        id: "a.id",
        byId: threatActorById,
        shape: "suspected actors",
      }),
      () => AS_SUSPECTED,
    ),
  };
}
