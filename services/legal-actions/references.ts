import { Directive, Field, ID, ObjectType } from "type-graphql";
import { connectionType } from "../kit/connection";
import { type RequiredFirstEvent, firstEventType } from "../analytics/delay-statistics";
import { type IncidentDates, externalIncidentDates } from "../analytics/delays";
import { KeyStub } from "../kit/references";
import type { Context } from "./context";

/** Entities owned by the other subgraphs, known here by key only. */
export const GovernmentRef = KeyStub("Government");
export type GovernmentRef = InstanceType<typeof GovernmentRef>;

export const AgencyRef = KeyStub("Agency", { resolvable: false });
export type AgencyRef = InstanceType<typeof AgencyRef>;

export const IncidentRef = KeyStub("Incident", { fields: externalIncidentDates });
export type IncidentRef = InstanceType<typeof IncidentRef> & IncidentDates;

export const ThreatActorRef = KeyStub("ThreatActor");
export type ThreatActorRef = InstanceType<typeof ThreatActorRef>;

export const IncidentConnection = connectionType(IncidentRef, "Incident");
export const ThreatActorConnection = connectionType(ThreatActorRef, "ThreatActor");

/** The type of the first events both subgraphs list on `Analytics` (see analytics.resolver.ts). */
export const FirstEvent = firstEventType(IncidentRef, GovernmentRef);

/** The governments subgraph's `Analytics`, with the list its `attributionDelays` needs. */
@Directive('@key(fields: "id")')
@ObjectType("Analytics", { simpleResolvers: true })
export class AnalyticsRef {
  @Field(() => ID)
  id: string;

  /** Listed by the governments subgraph: here only for `@requires` of `attributionDelays`. */
  @Directive("@external")
  @Field(() => [FirstEvent])
  firstAttributions?: RequiredFirstEvent[];
}

/** The entity types this subgraph owns, each read by id through the request's loaders. */
export const OWN_ENTITIES = {
  LegalAction: (c: Context) => c.loaders.legalActionById,
  Person: (c: Context) => c.loaders.personById,
};
