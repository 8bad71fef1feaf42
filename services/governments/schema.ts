import { referenceResolvers } from "../kit/references";
import type { SubgraphDefinition } from "../kit/subgraph";
import { sourceEntity } from "../kit/source-registry";
import { SourceRegistryResolver } from "../kit/source-registry.resolver";
import { SourceRegistry1764700000000 } from "./migrations/1764700000000-source-registry";
import { SourceIndex1764800000000 } from "./migrations/1764800000000-source-index";
import { SourceFork1764900000000 } from "./migrations/1764900000000-source-fork";
import { QuotesSearch1765000000000 } from "./migrations/1765000000000-quotes-search";
import { Agency } from "./agency";
import { AgencyInput } from "./agency.inputs";
import { AgencyResolver } from "./agency.resolver";
import { agencyWrites } from "./agency.writes";
import { AnalyticsResolver, GovernmentAnalytics, IncidentAnalytics } from "./analytics.resolver";
import { Attribution } from "./attribution";
import { AttributionResolver } from "./attribution.resolver";
import { IncidentContributions, ThreatActorContributions } from "./contributions.resolver";
import { Government } from "./government";
import { GovernmentInput } from "./government.inputs";
import { GovernmentResolver } from "./government.resolver";
import { governmentWrites } from "./government.writes";
import { type Loaders, createLoaders } from "./loaders";
import { Initial1764380000000 } from "./migrations/1764380000000-initial";
import { AuditLog1764395000000 } from "./migrations/1764395000000-audit-log";
import { RecordTime1764500000000 } from "./migrations/1764500000000-record-time";
import { NodeResolver } from "./node.resolver";
import { Official, OfficialRole } from "./official";
import { OfficialInput } from "./official.inputs";
import { OfficialResolver, OfficialRoleResolver } from "./official.resolver";
import { officialWrites } from "./official.writes";
import { Quote } from "./quote";
import { IncidentRef, LegalActionRef, OWN_ENTITIES, PersonRef, ThreatActorRef } from "./references";
import { Statement } from "./statement";
import { StatementInput } from "./statement.inputs";
import { QuoteResolver, StatementResolver } from "./statement.resolver";
import { statementWrites } from "./statement.writes";

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
    IncidentContributions,
    ThreatActorContributions,
    AnalyticsResolver,
    IncidentAnalytics,
    GovernmentAnalytics,
    NodeResolver,
    SourceRegistryResolver,
  ],
  entities: [
    Government,
    Agency,
    Official,
    OfficialRole,
    Statement,
    Quote,
    Attribution,
    sourceEntity("governments"),
  ],
  orphanedTypes: [IncidentRef, ThreatActorRef, LegalActionRef, PersonRef],
  migrations: [
    Initial1764380000000,
    AuditLog1764395000000,
    RecordTime1764500000000,
    SourceRegistry1764700000000,
    SourceIndex1764800000000,
    SourceFork1764900000000,
    QuotesSearch1765000000000,
  ],
  referenceResolvers: referenceResolvers(OWN_ENTITIES),
  createLoaders,
  records: [
    { input: GovernmentInput, writes: governmentWrites },
    { input: AgencyInput, writes: agencyWrites },
    { input: OfficialInput, writes: officialWrites },
    { input: StatementInput, writes: statementWrites },
  ],
};
