import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, nestedLoader } from "../kit/loaders";
import { ThreatActor, ThreatActorConnection } from "./threat-actor";
import type { ThreatActorListArgs } from "./threat-actor.inputs";
import {
  AS_SUSPECTED,
  suspectedActorQuery,
  threatActorOrdering,
  threatActorQuery,
} from "./threat-actor.queries";

/** Threat actors by id, those a state sponsors and those an incident names, batched. */
export function threatActorLoaders(db: DataSource, budget: ResponseBudget) {
  const threatActorById = byIdLoader(db, ThreatActor);
  const fetch = (ids: string[]) => threatActorById.loadMany(ids);
  return {
    threatActorById,
    actorsSponsoredBy: nestedLoader(
      db,
      budget,
      ThreatActorConnection,
      (args: ThreatActorListArgs) => ({
        query: () => threatActorQuery(db, args.filter),
        parent: (key) => `a.sponsor_state_id = ${key}`,
        id: "a.id",
        fetch,
      }),
      (args) => threatActorOrdering(args.orderBy, args.filter),
    ),
    suspectedActorsOf: nestedLoader(
      db,
      budget,
      ThreatActorConnection,
      () => ({
        query: () => suspectedActorQuery(db),
        parent: (key) => `sa.incident_id = ${key}`,
        id: "a.id",
        fetch,
      }),
      () => AS_SUSPECTED,
    ),
  };
}
