import type { DataSource } from "typeorm";
import { historyPages } from "../kit/audit";
import type { ResponseBudget } from "../kit/budget";
import { snapshotLoaders } from "../kit/loaders";
import { incidentLoaders } from "./incident.loaders";
import { incidentWrites } from "./incident.writes";
import { threatActorLoaders } from "./threat-actor.loaders";
import { threatActorWrites } from "./threat-actor.writes";

export type Loaders = ReturnType<typeof createLoaders>;

/** One set per request: every list and reference costs one batch of statements, not one per row. */
export function createLoaders(db: DataSource, budget: ResponseBudget) {
  return {
    ...incidentLoaders(db, budget),
    ...threatActorLoaders(db, budget),
    history: historyPages(db, "incidents", budget),
    snapshots: snapshotLoaders(db, budget, [incidentWrites, threatActorWrites]),
  };
}
