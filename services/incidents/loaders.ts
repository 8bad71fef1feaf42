import { lazyLoaders } from "../kit/lazy-loaders";
import { recordLoaders } from "../kit/record-loaders";
import { incidentLoaders } from "./incident.loaders";
import { incidentWrites } from "./incident.writes";
import { threatActorLoaders } from "./threat-actor.loaders";
import { threatActorWrites } from "./threat-actor.writes";

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * One set per request, each kind's loaders built at its first use: every list and reference
 * costs one batch of statements, not one per row.
 */
export const createLoaders = lazyLoaders(
  incidentLoaders,
  threatActorLoaders,
  ...recordLoaders("incidents", [incidentWrites, threatActorWrites]),
);
