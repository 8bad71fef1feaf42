import { recordResolver } from "../common/record.resolver";
import type { SubgraphDefinition } from "../common/subgraph";
import { loadBundle } from "./bundle";
import { Incident } from "./entities/incident";
import { IncidentActor } from "./entities/incident-actor";
import { ThreatActor } from "./entities/threat-actor";
import { TimelineEvent } from "./entities/timeline-event";
import { GovernmentIncidentsResolver } from "./government.resolver";
import { IncidentResolver } from "./incident.resolver";
import { type Loaders, createLoaders } from "./loaders";
import { Initial1764380200000 } from "./migrations/1764380200000-initial";
import { AuditLog1764395100000 } from "./migrations/1764395100000-audit-log";
import { incidentStore, threatActorStore } from "./records";
import { referenceResolvers } from "./references";
import { ThreatActorResolver } from "./threat-actor.resolver";

/** What happened: incidents, their timelines, and the threat actors suspected of them. */
export const incidents: SubgraphDefinition<Loaders> = {
  name: "incidents",
  dbSchema: "incidents",
  resolvers: [
    IncidentResolver,
    ThreatActorResolver,
    GovernmentIncidentsResolver,
    recordResolver(ThreatActor, threatActorStore, "incidents"),
    recordResolver(Incident, incidentStore, "incidents"),
  ],
  entities: [Incident, ThreatActor, IncidentActor, TimelineEvent],
  migrations: [Initial1764380200000, AuditLog1764395100000],
  referenceResolvers,
  createLoaders,
  loadBundle,
};
