import { referenceResolvers } from "../kit/references";
import type { SubgraphDefinition } from "../kit/subgraph";
import { sourceEntity } from "../kit/source-registry";
import { SourceRegistryResolver } from "../kit/source-registry.resolver";
import { SourceRegistry1764700200000 } from "./migrations/1764700200000-source-registry";
import { SourceIndex1764800200000 } from "./migrations/1764800200000-source-index";
import { SourceFork1764900200000 } from "./migrations/1764900200000-source-fork";
import { PartsSearch1765000200000 } from "./migrations/1765000200000-parts-search";
import { AnalyticsContributions, IncidentAnalytics } from "./analytics.resolver";
import { Charge } from "./charge";
import {
  GovernmentContributions,
  IncidentContributions,
  ThreatActorContributions,
} from "./contributions.resolver";
import { Defendant } from "./defendant";
import { LegalAction } from "./legal-action";
import { LegalActionInput } from "./legal-action.inputs";
import { DefendantResolver } from "./defendant.resolver";
import { LegalActionResolver } from "./legal-action.resolver";
import { legalActionWrites } from "./legal-action.writes";
import { type Loaders, createLoaders } from "./loaders";
import { Initial1764380300000 } from "./migrations/1764380300000-initial";
import { AuditLog1764395200000 } from "./migrations/1764395200000-audit-log";
import { RecordTime1764500200000 } from "./migrations/1764500200000-record-time";
import { Persons1764500000000 } from "./migrations/1764500000000-persons";
import { Person } from "./person";
import { PersonAffiliation } from "./person-affiliation";
import { PersonName } from "./person-name";
import { PersonInput } from "./person.inputs";
import { PersonAffiliationResolver, PersonResolver } from "./person.resolver";
import { personWrites } from "./person.writes";
import { AnalyticsRef, OWN_ENTITIES } from "./references";

/** What the law did: indictments, complaints, sanctions, with charges, defendants and persons. */
export const legalActions: SubgraphDefinition<Loaders> = {
  name: "legal-actions",
  dbSchema: "legal",
  resolvers: [
    LegalActionResolver,
    DefendantResolver,
    PersonResolver,
    PersonAffiliationResolver,
    GovernmentContributions,
    IncidentContributions,
    ThreatActorContributions,
    AnalyticsContributions,
    IncidentAnalytics,
    SourceRegistryResolver,
  ],
  // LegalAction first: seedIfEmpty counts the first entity's rows.
  entities: [
    LegalAction,
    Charge,
    Defendant,
    Person,
    PersonName,
    PersonAffiliation,
    sourceEntity("legal"),
  ],
  // Reached by no field here: the gateway reaches it by key (analytics.resolver.ts).
  orphanedTypes: [AnalyticsRef],
  migrations: [
    Initial1764380300000,
    AuditLog1764395200000,
    Persons1764500000000,
    RecordTime1764500200000,
    SourceRegistry1764700200000,
    SourceIndex1764800200000,
    SourceFork1764900200000,
    PartsSearch1765000200000,
  ],
  referenceResolvers: referenceResolvers(OWN_ENTITIES),
  createLoaders,
  // Persons first: legal actions name them.
  records: [
    { input: PersonInput, writes: personWrites },
    { input: LegalActionInput, writes: legalActionWrites },
  ],
};
