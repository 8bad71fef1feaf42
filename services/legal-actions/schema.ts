import { recordResolver } from "../common/record.resolver";
import type { SubgraphDefinition } from "../common/subgraph";
import { loadBundle } from "./bundle";
import {
  GovernmentLegalActionsResolver,
  IncidentLegalActionsResolver,
  ThreatActorLegalActionsResolver,
} from "./contributions.resolver";
import { DefendantResolver } from "./defendant.resolver";
import { Charge } from "./entities/charge";
import { Defendant } from "./entities/defendant";
import { LegalAction } from "./entities/legal-action";
import { LegalActionResolver } from "./legal-action.resolver";
import { type Loaders, createLoaders } from "./loaders";
import { Initial1764380300000 } from "./migrations/1764380300000-initial";
import { AuditLog1764395200000 } from "./migrations/1764395200000-audit-log";
import { legalActionStore } from "./records";
import { referenceResolvers } from "./references";

/** What the law did: indictments, complaints, sanctions, with charges and defendants. */
export const legalActions: SubgraphDefinition<Loaders> = {
  name: "legal-actions",
  dbSchema: "legal",
  resolvers: [
    LegalActionResolver,
    DefendantResolver,
    GovernmentLegalActionsResolver,
    IncidentLegalActionsResolver,
    ThreatActorLegalActionsResolver,
    recordResolver(LegalAction, legalActionStore, "legal"),
  ],
  // LegalAction first: seedIfEmpty counts the first entity's rows.
  entities: [LegalAction, Charge, Defendant],
  migrations: [Initial1764380300000, AuditLog1764395200000],
  referenceResolvers,
  createLoaders,
  loadBundle,
};
