import { ConnectionFields } from "../kit/connection-fields";
import type { Context } from "./context";
import { IncidentConnection } from "./incident";
import { IncidentListArgs } from "./incident.inputs";
import { GovernmentRef } from "./references";
import { ThreatActorConnection } from "./threat-actor";
import { ThreatActorListArgs } from "./threat-actor.inputs";

/** What this subgraph adds to the governments subgraph's `Government`. */
export const GovernmentContributions = ConnectionFields<Context>(GovernmentRef, {
  sponsoredActors: {
    type: ThreatActorConnection,
    args: ThreatActorListArgs,
    loader: "actorsSponsoredBy",
    nullable: true,
    description: "Threat actors it is said to sponsor, by name by default.",
  },
  incidentsTargeting: {
    type: IncidentConnection,
    args: IncidentListArgs,
    loader: "incidentsTargeting",
    nullable: true,
    description: "Incidents that targeted it, most recent first by default.",
  },
});
