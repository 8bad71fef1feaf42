import { type ConnectionArgs, connectionType } from "../kit/connection";
import { KeyStub, referencePage } from "../kit/references";
import type { Context } from "./context";

/**
 * Entities owned by the governments subgraph, known here by key only: they implement `Node`
 * there, where `node(id:)` is answered.
 */
export const GovernmentRef = KeyStub("Government");
export type GovernmentRef = InstanceType<typeof GovernmentRef>;

export const AgencyRef = KeyStub("Agency", { resolvable: false });
export type AgencyRef = InstanceType<typeof AgencyRef>;

/** The same shareable type as the governments subgraph's, over the key-only stub. */
export const GovernmentConnection = connectionType(GovernmentRef, "Government");

/** Governments a record lists by id (the countries it targets), paged in memory. */
export function governmentsIn(ctx: Context, ids: readonly string[], args: ConnectionArgs) {
  return referencePage(GovernmentConnection, GovernmentRef, ids, args, ctx.budget);
}

/** The entity types this subgraph owns, each read by id through the request's loaders. */
export const OWN_ENTITIES = {
  Incident: (c: Context) => c.loaders.incidentById,
  ThreatActor: (c: Context) => c.loaders.threatActorById,
};
