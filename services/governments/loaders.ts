import { type DataSource, In, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { historyPages } from "../kit/audit";
import type { ResponseBudget } from "../kit/budget";
import type { ConnectionArgs, ConnectionClass } from "../kit/connection";
import { byIdLoader, groupedLoader, loadAll, perArguments } from "../kit/loaders";
import { nameOrdering } from "../kit/ordering";
import {
  type NestedList,
  type Ordering,
  arrayConnection,
  arrayWindow,
  nestedConnection,
  paginate,
  pageWindow,
} from "../kit/pagination";
import { snapshotLoader } from "../kit/records";
import { ref } from "../kit/references";
import { Agency, AgencyConnection } from "./agency";
import { type AgencyListArgs, applyAgencyFilter } from "./agency.inputs";
import { agencyWrites } from "./agency.writes";
import { analyticsLoaders } from "./analytics.loaders";
import { Attribution, AttributionConnection } from "./attribution";
import {
  type AttributionListArgs,
  applyAttributionFilter,
  attributionOrdering,
} from "./attribution.inputs";
import { Government, GovernmentConnection } from "./government";
import { type GovernmentListArgs, applyGovernmentFilter } from "./government.inputs";
import { governmentWrites } from "./government.writes";
import { Official, OfficialConnection, OfficialRole } from "./official";
import { type OfficialListArgs, applyOfficialFilter } from "./official.inputs";
import { officialWrites } from "./official.writes";
import { Quote } from "./quote";
import { IncidentConnection, IncidentRef } from "./references";
import { Statement, StatementConnection } from "./statement";
import {
  type StatementListArgs,
  applyStatementFilter,
  statementOrdering,
} from "./statement.inputs";
import { statementWrites } from "./statement.writes";

export type Loaders = ReturnType<typeof createLoaders>;

// `@>` and not `key = ANY(column)`: only the containment operator can use the GIN index.
const issuedOrCosignedBy = (key: string) =>
  `(s.issuer_id = ${key} OR s.cosigner_ids @> ARRAY[${key}])`;

/** One set per request: every list and reference costs one batch of statements, not one per row. */
export function createLoaders(db: DataSource, budget: ResponseBudget) {
  const byId = {
    government: byIdLoader(db, Government),
    agency: byIdLoader(db, Agency),
    official: byIdLoader(db, Official),
    statement: byIdLoader(db, Statement),
    attribution: byIdLoader(db, Attribution),
  };
  const fetch =
    <T>(loader: { loadMany(ids: string[]): Promise<(T | null | Error)[]> }) =>
    (ids: string[]) =>
      loader.loadMany(ids);

  const governments = (filter: GovernmentListArgs["filter"]) => ({
    query: () =>
      withFilter(
        db.getRepository(Government).createQueryBuilder("g"),
        applyGovernmentFilter,
        filter,
      ),
    id: "g.id",
    fetch: fetch<Government>(byId.government),
  });
  const agencies = (filter: AgencyListArgs["filter"]) => ({
    query: () =>
      withFilter(db.getRepository(Agency).createQueryBuilder("ag"), applyAgencyFilter, filter),
    id: "ag.id",
    fetch: fetch<Agency>(byId.agency),
  });
  const statements = (filter: StatementListArgs["filter"]) => ({
    query: () =>
      withFilter(db.getRepository(Statement).createQueryBuilder("s"), applyStatementFilter, filter),
    id: "s.id",
    fetch: fetch<Statement>(byId.statement),
  });
  const attributions = (filter: AttributionListArgs["filter"]) => ({
    query: () =>
      withFilter(
        db
          .getRepository(Attribution)
          .createQueryBuilder("a")
          .innerJoin(Statement, "s", "s.id = a.statement_id"),
        applyAttributionFilter,
        filter,
      ),
    id: "a.id",
    fetch: fetch<Attribution>(byId.attribution),
  });

  /** The page `args` asks for of a nested list, for every parent key of the request at once. */
  const nested = <T, A extends ConnectionArgs>(
    connection: ConnectionClass<T>,
    list: (args: A) => NestedList<T>,
    ordering: (args: A) => Ordering,
  ) =>
    perArguments((args: A) =>
      nestedConnection(db, connection, list(args), pageWindow(args, ordering(args)), budget),
    );

  const statementsWhere = (parent: (key: string) => string) =>
    nested(
      StatementConnection,
      (args: StatementListArgs) => ({ ...statements(args.filter), parent }),
      (args) => statementOrdering(args.orderBy, args.filter),
    );
  const attributionsWhere = (parent: (key: string) => string) =>
    nested(
      AttributionConnection,
      (args: AttributionListArgs) => ({ ...attributions(args.filter), parent }),
      (args) => attributionOrdering(args.orderBy),
    );
  const attributionsNaming = (column: string) => (key: string) =>
    `EXISTS (SELECT 1 FROM governments.attribution n WHERE n.statement_id = s.id AND n.${column} = ${key})`;

  const attributionsByStatement = groupedLoader(
    (ids) =>
      db
        .getRepository(Attribution)
        .find({ where: { statementId: In([...ids]) }, order: { position: "ASC" } }),
    (attribution) => attribution.statementId,
  );

  return {
    governmentById: byId.government,
    agencyById: byId.agency,
    officialById: byId.official,
    statementById: byId.statement,
    attributionById: byId.attribution,

    governments: (args: GovernmentListArgs) =>
      paginate(
        GovernmentConnection,
        governments(args.filter).query(),
        pageWindow(args, nameOrdering("g", args.orderBy)),
        budget,
      ),
    agencies: (args: AgencyListArgs) =>
      paginate(
        AgencyConnection,
        agencies(args.filter).query(),
        pageWindow(args, nameOrdering("ag", args.orderBy)),
        budget,
      ),
    officials: (args: OfficialListArgs) =>
      paginate(
        OfficialConnection,
        withFilter(
          db.getRepository(Official).createQueryBuilder("o"),
          applyOfficialFilter,
          args.filter,
        ),
        pageWindow(args, nameOrdering("o", args.orderBy)),
        budget,
      ),
    statements: (args: StatementListArgs) =>
      paginate(
        StatementConnection,
        statements(args.filter).query(),
        pageWindow(args, statementOrdering(args.orderBy, args.filter)),
        budget,
      ),
    attributions: (args: AttributionListArgs) =>
      paginate(
        AttributionConnection,
        attributions(args.filter).query(),
        pageWindow(args, attributionOrdering(args.orderBy)),
        budget,
      ),

    membersOf: nested(
      GovernmentConnection,
      (args: GovernmentListArgs) => ({
        ...governments(args.filter),
        parent: (key) => `g.member_of_ids @> ARRAY[${key}]`,
      }),
      (args: GovernmentListArgs) => nameOrdering("g", args.orderBy),
    ),
    agenciesOf: nested(
      AgencyConnection,
      (args: AgencyListArgs) => ({
        ...agencies(args.filter),
        parent: (key) => `ag.government_id = ${key}`,
      }),
      (args: AgencyListArgs) => nameOrdering("ag", args.orderBy),
    ),
    statementsOfGovernment: statementsWhere(issuedOrCosignedBy),
    statementsOfOfficial: statementsWhere((key) => `s.speaker_id = ${key}`),
    statementsOfIncident: statementsWhere(attributionsNaming("incident_id")),
    statementsOfActor: statementsWhere(attributionsNaming("actor_id")),
    attributionsMadeBy: attributionsWhere(issuedOrCosignedBy),
    attributionsReceivedBy: attributionsWhere((key) => `a.state_id = ${key}`),
    attributionsOfIncident: attributionsWhere((key) => `a.incident_id = ${key}`),
    attributionsOfActor: attributionsWhere((key) => `a.actor_id = ${key}`),
    attributionsOfStatement: nested(
      AttributionConnection,
      () => ({ ...attributions(undefined), parent: (key) => `a.statement_id = ${key}` }),
      () => ({ name: "POSITION", keys: [{ sql: "a.position", direction: "ASC" }] }),
    ),

    /** Lists a record holds itself (cosigners, memberships), paged in memory. */
    async governmentsIn(ids: string[], args: ConnectionArgs) {
      const window = arrayWindow(args);
      return arrayConnection(
        GovernmentConnection,
        await loadAll(byId.government, ids),
        window,
        budget,
      );
    },
    async incidentsOfStatement(statementId: string, args: ConnectionArgs) {
      const window = arrayWindow(args);
      const ids = new Set(
        (await attributionsByStatement.load(statementId)).map((a) => a.incidentId),
      );
      return arrayConnection(
        IncidentConnection,
        [...ids].map((id) => ref(IncidentRef, id)),
        window,
        budget,
      );
    },

    quotesOf: groupedLoader(
      (ids) =>
        db
          .getRepository(Quote)
          .find({ where: { statementId: In([...ids]) }, order: { position: "ASC" } }),
      (quote) => quote.statementId,
    ),
    rolesOf: groupedLoader(
      (ids) =>
        db
          .getRepository(OfficialRole)
          .find({ where: { officialId: In([...ids]) }, order: { position: "ASC" } }),
      (role) => role.officialId,
    ),

    analytics: analyticsLoaders(db, budget, byId),

    history: historyPages(db, "governments", budget),
    snapshots: {
      Government: snapshotLoader(db, governmentWrites),
      Agency: snapshotLoader(db, agencyWrites),
      Official: snapshotLoader(db, officialWrites),
      Statement: snapshotLoader(db, statementWrites),
    },
  };
}

function withFilter<F>(
  query: SelectQueryBuilder<ObjectLiteral>,
  apply: (query: SelectQueryBuilder<ObjectLiteral>, filter: F) => void,
  filter: F | undefined,
) {
  if (filter) apply(query, filter);
  return query;
}
