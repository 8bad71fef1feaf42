import { referenceResolver } from "../common/references";
import type { ResolverMap } from "../common/subgraph";
import type { Context } from "./context";

/**
 * How the gateway fetches this subgraph's entities by key: batched per request. `Government`
 * needs none: its fields here are computed from the key alone.
 */
export const referenceResolvers: ResolverMap = {
  Incident: referenceResolver("Incident", (c: Context) => c.loaders.incidentById),
  ThreatActor: referenceResolver("ThreatActor", (c: Context) => c.loaders.threatActorById),
};
