import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type DocumentNode, type GraphQLSchema, Kind, parse, visit } from "graphql";
import { type ClassType, type NonEmptyArray, buildSchema, createResolversMap } from "type-graphql";
import type { DataSource, EntityManager, Logger } from "typeorm";
import type { Bundle } from "../../platform/bundle";
import { chargeAnswerBytes } from "./answer-bytes";
import type { ResponseBudget } from "./budget";
import { releaseAfterResponse } from "../../platform/bytes-in-flight";
import { cacheHeaders } from "./cache-headers";
import { signedContext } from "./signed-context";
import { DEFAULT_MAX_COST } from "../../platform/cost";
import { DEFAULT_MAX_DEPTH, subgraphLimits } from "../../platform/limits";
import { authChecker } from "./authorization";
import { validateArgument } from "./problems";
import { type AnyRecordWrites, bundleLoader } from "./records";
import { formatError, requestIdPlugin } from "../../platform/error-policy";
import { healthRoutes, within } from "../../platform/health";
import { inputGuardPlugin } from "../../platform/input-guard";
import {
  type Metrics,
  createLogger,
  createMetrics,
  knownOperations,
  metricsRoute,
  observabilityPlugin,
} from "../../platform/observability";
import { createHttpServer, serveGraphQL } from "../../platform/http";
import {
  type Identity,
  SUBGRAPH_MAX_HEADER_BYTES,
  type SourceConflict,
} from "../../platform/identity";
import { type SharedRedis, redisHealth } from "../../platform/redis";
import { DEFAULT_CACHE_MAX_AGE_SECONDS, type SubgraphSettings } from "./config";
import {
  type DatabaseConfig,
  StatementCounter,
  createDataSource,
  migrate,
} from "../../platform/database";

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@listSize", "@external", "@requires", "@inaccessible"])';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResolverMap = Record<string, Record<string, any>>;

export interface SubgraphContext<L> {
  /** From the gateway's x-request-id, so one id follows a request through every log. */
  requestId: string;
  db: DataSource;
  loaders: L;
  /** The caller, as the gateway signed it for this very request (every request needs one). */
  identity: Identity;
  /** Items the answer may still list and bytes it may still read (MAX_RESPONSE_NODES, _BYTES). */
  budget: ResponseBudget;
  /** Where a text search stops counting its matches (TEXT_COUNT_BOUND). */
  textCountBound: number;
  /**
   * Signed by the gateway as part of an operation it admitted: its cost, depth and inputs are
   * not checked again here (the byte budget and the statement timeout still apply).
   */
  vetted: boolean;
  /**
   * Records this request's writes name that the gateway found in no subgraph ("Incident:x"):
   * a write keeps them (writes across subgraphs are order-free) and says so in `warnings`.
   */
  unresolved: Set<string>;
  /**
   * Sources this request's record writes send that another subgraph stores otherwise, by the
   * write's response key: each write is refused with them as SOURCE_CONFLICT problems.
   */
  sourceConflicts: SourceConflict[];
  /** The other subgraphs were not asked about the writes' sources: write nothing that changes. */
  unchangedOnly: boolean;
}

/** Everything that makes one subgraph: the one recipe every service follows. */
export interface SubgraphDefinition<L> {
  name: string;
  /** PostgreSQL schema owning the subgraph's tables. */
  dbSchema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  /** Types no field reaches but the schema must have (`Node` stubs only `node(id:)` returns). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** `__resolveReference` per entity type, batched through the request's loaders. */
  referenceResolvers: ResolverMap;
  /** A new set per request: every list and reference is batched through them. */
  createLoaders(dataSource: DataSource, budget: ResponseBudget): L;
  /** The record kinds it owns, in write order, each with its GraphQL input type. */
  records: { input: ClassType; writes: AnyRecordWrites }[];
}

/** Upserts the subgraph's records of a bundle in one transaction; returns how many. */
export function loadBundle<L>(
  definition: SubgraphDefinition<L>,
  db: EntityManager,
  bundle: Bundle,
): Promise<number> {
  return bundleLoader(definition.records.map((r) => r.writes))(db, bundle);
}

export async function buildFederatedSchema<L>(
  definition: SubgraphDefinition<L>,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    validateFn: validateArgument,
    authChecker,
    skipCheck: true,
  });
  const typeDefs = describeRootTypes(
    parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
  );
  const resolvers = createResolversMap(schema) as ResolverMap;
  for (const [typeName, reference] of Object.entries(definition.referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}

const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query:
    "Reads: one record by id (`government(id:)`), any record by global id (`node(id:)`), or a page of a list (`statements(filter:, first:)`).",
  Mutation:
    "Writes (an editor API key in `Authorization: Bearer`): `upsert<Type>` creates or updates one record, `delete<Type>` removes one.",
};

/** type-graphql cannot describe the root types; their descriptions are added to the SDL. */
function describeRootTypes(document: DocumentNode): DocumentNode {
  return visit(document, {
    ObjectTypeDefinition(node) {
      const description = ROOT_DESCRIPTIONS[node.name.value];
      return description && !node.description
        ? { ...node, description: { kind: Kind.STRING, value: description, block: true } }
        : undefined;
    },
  });
}

export interface SubgraphConfig extends SubgraphSettings {
  /** Where replicas of this subgraph share used identity nonces (REDIS_URL). */
  redis?: SharedRedis;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  dataSource: DataSource;
  statements: StatementCounter;
  stop(): Promise<void>;
}

/** The subgraph's TypeORM data source over `database`, not yet initialized. */
export function subgraphDataSource<L>(
  definition: SubgraphDefinition<L>,
  database: DatabaseConfig,
  logger?: Logger,
): DataSource {
  return createDataSource(database, {
    schema: definition.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
    logger,
  });
}

/** Opens the subgraph's database, applies pending migrations if asked, runs `work`, closes it. */
export async function withSubgraphDatabase<L, T>(
  definition: SubgraphDefinition<L>,
  database: DatabaseConfig,
  options: { migrate: boolean },
  work: (db: DataSource) => Promise<T>,
): Promise<T> {
  const db = subgraphDataSource(definition, database);
  await db.initialize();
  try {
    if (options.migrate) await migrate(db, definition.dbSchema);
    return await work(db);
  } finally {
    await db.destroy();
  }
}

export async function startSubgraph<L>(
  definition: SubgraphDefinition<L>,
  config: SubgraphConfig,
): Promise<RunningSubgraph> {
  const statements = new StatementCounter();
  const dataSource = subgraphDataSource(definition, config.database, statements);
  await dataSource.initialize();
  try {
    if (config.migrate) await migrate(dataSource, definition.dbSchema);
    const metrics = createMetrics(definition.name);
    poolGauge(metrics, dataSource);
    const server = await subgraphServer(definition, config, metrics);
    // The gateway's signed claims (platform/identity.ts) may pass Node's default 16 KiB.
    const httpServer = createHttpServer({ maxHeaderSize: SUBGRAPH_MAX_HEADER_BYTES });
    const running = await serveGraphQL(server, httpServer, {
      host: config.host,
      port: config.port,
      maxBodyBytes: config.maxBodyBytes ?? 4 * 1024 * 1024,
      routes: {
        ...healthRoutes(async () => {
          await within(dataSource.query("SELECT 1"), 2_000, "the database");
          return { database: "ok", ...(config.redis ? await redisHealth(config.redis) : {}) };
        }),
        "/metrics": metricsRoute(
          metrics,
          config.metricsToken ?? (config.production ? null : undefined),
        ),
      },
      context: signedContext(definition, config, dataSource),
    });
    return {
      name: definition.name,
      url: running.url,
      dataSource,
      statements,
      async stop() {
        await running.close();
        await server.stop();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

async function subgraphServer<L>(
  definition: SubgraphDefinition<L>,
  config: SubgraphConfig,
  metrics: Metrics,
): Promise<ApolloServer<SubgraphContext<L>>> {
  const schema = await buildFederatedSchema(definition);
  chargeAnswerBytes(schema);
  const production = config.production ?? false;
  const vetted = (context: unknown) => (context as SubgraphContext<L>).vetted === true;
  const limits = subgraphLimits(schema, {
    maxCost: config.maxCost ?? DEFAULT_MAX_COST,
    maxDepth: config.maxDepth ?? DEFAULT_MAX_DEPTH,
    production,
    trusted: vetted,
  });
  const logger = createLogger(definition.name, config.logLevel);
  return new ApolloServer<SubgraphContext<L>>({
    schema,
    introspection: !production,
    validationRules: limits.validationRules,
    plugins: [
      // Inline traces only feed Apollo Studio, which this project does not report to.
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      // Only the gateway's signed requests are answered: a Sandbox here could run nothing.
      ApolloServerPluginLandingPageDisabled(),
      ...(limits.plugins as ApolloServerPlugin<SubgraphContext<L>>[]),
      inputGuardPlugin(vetted) as ApolloServerPlugin<SubgraphContext<L>>,
      cacheHeaders(config.cacheMaxAgeSeconds ?? DEFAULT_CACHE_MAX_AGE_SECONDS),
      requestIdPlugin(),
      observabilityPlugin(logger, metrics, knownOperations(config.metricsOperations)),
      releaseAfterResponse<SubgraphContext<L>>((context) => context.budget?.share),
    ],
    includeStacktraceInErrorResponses: config.stackTraces ?? false,
    formatError: formatError(production),
  });
}

function poolGauge(metrics: Metrics, dataSource: DataSource) {
  const pool = () => (dataSource.driver as unknown as { master?: PoolStats }).master;
  metrics.gauge("db_pool_connections", "PostgreSQL pool connections by state", ["state"], (g) => {
    const stats = pool();
    g.set({ state: "total" }, stats?.totalCount ?? 0);
    g.set({ state: "idle" }, stats?.idleCount ?? 0);
    g.set({ state: "waiting" }, stats?.waitingCount ?? 0);
  });
}

interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}
