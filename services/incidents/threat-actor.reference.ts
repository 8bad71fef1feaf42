import { referenceResolver } from "../kit/references";
import type { Context } from "./context";

/** How the gateway fetches ThreatActors by key for other subgraphs: batched per request. */
export const threatActorReference = referenceResolver(
  "ThreatActor",
  (c: Context) => c.loaders.threatActorById,
);
