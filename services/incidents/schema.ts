import { referenceResolvers } from "../kit/references";
import type { SubgraphDefinition } from "../kit/subgraph";
import { sourceEntity } from "../kit/source-registry";
import { SourceRegistryResolver } from "../kit/source-registry.resolver";
import { SourceRegistry1764700100000 } from "./migrations/1764700100000-source-registry";
import { SourceIndex1764800100000 } from "./migrations/1764800100000-source-index";
import { SourceFork1764900100000 } from "./migrations/1764900100000-source-fork";
import { TrigramCosts1765000100000 } from "./migrations/1765000100000-trigram-costs";
import { GovernmentContributions } from "./contributions.resolver";
import { Incident } from "./incident";
import { IncidentActor } from "./incident-actor";
import { IncidentInput } from "./incident.inputs";
import { IncidentResolver } from "./incident.resolver";
import { incidentWrites } from "./incident.writes";
import { type Loaders, createLoaders } from "./loaders";
import { Initial1764380200000 } from "./migrations/1764380200000-initial";
import { AuditLog1764395100000 } from "./migrations/1764395100000-audit-log";
import { ThreatActorProvenance1764420000000 } from "./migrations/1764420000000-threat-actor-provenance";
import { RecordTime1764500100000 } from "./migrations/1764500100000-record-time";
import { SuspectedOrigin1764600100000 } from "./migrations/1764600100000-suspected-origin";
import { OWN_ENTITIES } from "./references";
import { ThreatActor } from "./threat-actor";
import { ThreatActorInput } from "./threat-actor.inputs";
import { ThreatActorResolver } from "./threat-actor.resolver";
import { threatActorWrites } from "./threat-actor.writes";
import { TimelineEvent } from "./timeline-event";

/** What happened: incidents, their timelines, and the threat actors suspected of them. */
export const incidents: SubgraphDefinition<Loaders> = {
  name: "incidents",
  dbSchema: "incidents",
  resolvers: [
    IncidentResolver,
    ThreatActorResolver,
    GovernmentContributions,
    SourceRegistryResolver,
  ],
  entities: [Incident, ThreatActor, IncidentActor, TimelineEvent, sourceEntity("incidents")],
  migrations: [
    Initial1764380200000,
    AuditLog1764395100000,
    ThreatActorProvenance1764420000000,
    RecordTime1764500100000,
    SuspectedOrigin1764600100000,
    SourceRegistry1764700100000,
    SourceIndex1764800100000,
    SourceFork1764900100000,
    TrigramCosts1765000100000,
  ],
  // `Government` needs none: its fields here are computed from the key alone.
  referenceResolvers: referenceResolvers(OWN_ENTITIES),
  createLoaders,
  // Actors first: incidents list them as suspects.
  records: [
    { input: ThreatActorInput, writes: threatActorWrites },
    { input: IncidentInput, writes: incidentWrites },
  ],
};
