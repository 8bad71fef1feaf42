import { referenceResolvers } from "../kit/references";
import type { SubgraphDefinition } from "../kit/subgraph";
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
import { DefendantResolver, LegalActionResolver } from "./legal-action.resolver";
import { legalActionWrites } from "./legal-action.writes";
import { type Loaders, createLoaders } from "./loaders";
import { Initial1764380300000 } from "./migrations/1764380300000-initial";
import { AuditLog1764395200000 } from "./migrations/1764395200000-audit-log";
import { RecordTime1764500200000 } from "./migrations/1764500200000-record-time";
import { AnalyticsRef, OWN_ENTITIES } from "./references";

/** What the law did: indictments, complaints, sanctions, with charges and defendants. */
export const legalActions: SubgraphDefinition<Loaders> = {
  name: "legal-actions",
  dbSchema: "legal",
  resolvers: [
    LegalActionResolver,
    DefendantResolver,
    GovernmentContributions,
    IncidentContributions,
    ThreatActorContributions,
    AnalyticsContributions,
    IncidentAnalytics,
  ],
  // LegalAction first: seedIfEmpty counts the first entity's rows.
  entities: [LegalAction, Charge, Defendant],
  // Reached by no field here: the gateway reaches it by key (analytics.resolver.ts).
  orphanedTypes: [AnalyticsRef],
  migrations: [Initial1764380300000, AuditLog1764395200000, RecordTime1764500200000],
  referenceResolvers: referenceResolvers(OWN_ENTITIES),
  createLoaders,
  records: [{ input: LegalActionInput, writes: legalActionWrites }],
};
