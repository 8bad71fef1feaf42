import type { ResolverMap } from "../common/subgraph";
import type { Context } from "./context";

const byId = (loader: keyof Context["loaders"] & `${string}ById`) => ({
  __resolveReference: (reference: { id: string }, { loaders }: Context) =>
    loaders[loader].load(reference.id),
});

/**
 * How the gateway fetches this subgraph's entities by key: batched per request. `Government`
 * needs none: its fields here are computed from the key alone.
 */
export const referenceResolvers: ResolverMap = {
  Incident: byId("incidentById"),
  ThreatActor: byId("threatActorById"),
};
