import { connectionType } from "../kit/connection";
import { type IncidentDates, externalIncidentDates } from "../analytics/delays";
import { KeyStub } from "../kit/references";
import type { Context } from "./context";

/**
 * Entities owned by the other subgraphs, known here by key only. They implement `Node` here
 * because `node(id:)` is answered by this subgraph for every type.
 */
export const IncidentRef = KeyStub("Incident", { node: true, fields: externalIncidentDates });
export type IncidentRef = InstanceType<typeof IncidentRef> & IncidentDates;

export const ThreatActorRef = KeyStub("ThreatActor", { node: true });
export type ThreatActorRef = InstanceType<typeof ThreatActorRef>;

export const LegalActionRef = KeyStub("LegalAction", { resolvable: false, node: true });
export type LegalActionRef = InstanceType<typeof LegalActionRef>;

export const PersonRef = KeyStub("Person", { resolvable: false, node: true });
export type PersonRef = InstanceType<typeof PersonRef>;

export const IncidentConnection = connectionType(IncidentRef, "Incident");

/** The entity types this subgraph owns, each read by id through the request's loaders. */
export const OWN_ENTITIES = {
  Government: (c: Context) => c.loaders.governmentById,
  Agency: (c: Context) => c.loaders.agencyById,
  Official: (c: Context) => c.loaders.officialById,
  Statement: (c: Context) => c.loaders.statementById,
  Attribution: (c: Context) => c.loaders.attributionById,
};
