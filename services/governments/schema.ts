import { recordResolver } from "../common/record.resolver";
import type { SubgraphDefinition } from "../common/subgraph";
import { AgencyResolver } from "./agency.resolver";
import { loadBundle } from "./bundle";
import {
  AttributionResolver,
  IncidentAttributionsResolver,
  ThreatActorAttributionsResolver,
} from "./attribution.resolver";
import { Agency } from "./entities/agency";
import { Attribution } from "./entities/attribution";
import { Government } from "./entities/government";
import { Official, OfficialRole } from "./entities/official";
import { Quote } from "./entities/quote";
import { Statement } from "./entities/statement";
import { GovernmentResolver } from "./government.resolver";
import { type Loaders, createLoaders } from "./loaders";
import { Initial1764380000000 } from "./migrations/1764380000000-initial";
import { AuditLog1764395000000 } from "./migrations/1764395000000-audit-log";
import { agencyStore, governmentStore, officialStore, statementStore } from "./records";
import { OfficialResolver, OfficialRoleResolver } from "./official.resolver";
import { referenceResolvers } from "./references";
import { QuoteResolver, StatementResolver } from "./statement.resolver";

/** Who speaks, and what they said: governments, agencies, officials, statements, attributions. */
export const governments: SubgraphDefinition<Loaders> = {
  name: "governments",
  dbSchema: "governments",
  resolvers: [
    GovernmentResolver,
    AgencyResolver,
    OfficialResolver,
    OfficialRoleResolver,
    StatementResolver,
    QuoteResolver,
    AttributionResolver,
    IncidentAttributionsResolver,
    ThreatActorAttributionsResolver,
    recordResolver(Government, governmentStore, "governments"),
    recordResolver(Agency, agencyStore, "governments"),
    recordResolver(Official, officialStore, "governments"),
    recordResolver(Statement, statementStore, "governments"),
  ],
  entities: [Government, Agency, Official, OfficialRole, Statement, Quote, Attribution],
  migrations: [Initial1764380000000, AuditLog1764395000000],
  referenceResolvers,
  createLoaders,
  loadBundle,
};
