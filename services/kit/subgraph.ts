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
import { DEFAULT_MAX_RESPONSE_NODES, ResponseBudget } from "./budget";
import { DEFAULT_MAX_COST } from "../../platform/cost";
import { DEFAULT_MAX_DEPTH, subgraphLimits } from "../../platform/limits";
import { authChecker } from "./authorization";
import { validateArgument } from "./problems";
import { type AnyRecordWrites, bundleLoader } from "./records";
import { formatError, requestIdPlugin } from "../../platform/error-policy";
import { healthRoutes, within } from "../../platform/health";
import type { Redis } from "ioredis";
import { inputGuardPlugin } from "../../platform/input-guard";
import { RedisNonces } from "../../platform/redis";
import {
  createLogger,
  createMetrics,
  knownOperations,
  metricsRoute,
  observabilityPlugin,
} from "../../platform/observability";
import { createHttpServer, serveGraphQL } from "../../platform/http";
import {
  IDENTITY_HEADER,
  type Identity,
  NonceStore,
  identityRefusal,
  verifyRequest,
} from "../../platform/identity";
import {
  type DatabaseConfig,
  StatementCounter,
  createDataSource,
  migrate,
} from "../../platform/database";

/** How long a query's answer may be reused; writes through the gateway drop it sooner. */
export const DEFAULT_CACHE_MAX_AGE_SECONDS = 30;

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
  /** Items the answer may still list (MAX_RESPONSE_NODES). */
  budget: ResponseBudget;
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

export interface SubgraphConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Apply pending migrations before listening (the default for `npm start`). */
  migrate: boolean;
  /** Shared with the gateway, which signs every request a subgraph answers with it. */
  identitySecret: string;
  maxBodyBytes?: number;
  /** `Cache-Control: max-age` of query answers, which the gateway's response cache honours. */
  cacheMaxAgeSeconds?: number;
  /** Items one answer may list before it is cut off with RESPONSE_TOO_LARGE. */
  maxResponseNodes?: number;
  /** MAX_COST and MAX_DEPTH of one request, as at the gateway (QUERY_TOO_COMPLEX, validation). */
  maxCost?: number;
  maxDepth?: number;
  /** No introspection, no suggestions, masked errors (default: NODE_ENV === "production"). */
  production?: boolean;
  /** Where replicas of this subgraph share used identity nonces (REDIS_URL). */
  redis?: Redis;
  /** `/metrics` behind this bearer token; null: not served (see metricsRoute). */
  metricsToken?: string | null;
  /** Operation names metrics may label, besides KNOWN_OPERATIONS (METRICS_OPERATIONS). */
  metricsOperations?: string[];
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
    const logger = createLogger(definition.name);
    const metrics = createMetrics(definition.name);
    const pool = () => (dataSource.driver as unknown as { master?: PoolStats }).master;
    metrics.gauge("db_pool_connections", "PostgreSQL pool connections by state", ["state"], (g) => {
      const stats = pool();
      g.set({ state: "total" }, stats?.totalCount ?? 0);
      g.set({ state: "idle" }, stats?.idleCount ?? 0);
      g.set({ state: "waiting" }, stats?.waitingCount ?? 0);
    });
    const http = createHttpServer();
    const schema = await buildFederatedSchema(definition);
    const production = config.production ?? process.env.NODE_ENV === "production";
    const limits = subgraphLimits(schema, {
      maxCost: config.maxCost ?? DEFAULT_MAX_COST,
      maxDepth: config.maxDepth ?? DEFAULT_MAX_DEPTH,
      production,
    });
    const server = new ApolloServer<SubgraphContext<L>>({
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
        inputGuardPlugin() as ApolloServerPlugin<SubgraphContext<L>>,
        cacheHeaders(config.cacheMaxAgeSeconds ?? DEFAULT_CACHE_MAX_AGE_SECONDS),
        requestIdPlugin(),
        observabilityPlugin(logger, metrics, knownOperations(config.metricsOperations)),
      ],
      includeStacktraceInErrorResponses: process.env.NODE_ENV === "development",
      formatError: formatError(production),
    });
    const unsignedLoopback = benchUnsignedLoopback(config.host, logger);
    const nonces = config.redis
      ? new RedisNonces(config.redis, new NonceStore())
      : new NonceStore();
    const running = await serveGraphQL(server, http, {
      host: config.host,
      port: config.port,
      maxBodyBytes: config.maxBodyBytes ?? 4 * 1024 * 1024,
      routes: {
        ...healthRoutes(async () => {
          await within(dataSource.query("SELECT 1"), 2_000, "the database");
          return { database: "ok" };
        }),
        "/metrics": metricsRoute(metrics, config.metricsToken ?? (production ? null : undefined)),
      },
      // Before anything is parsed: a request the gateway did not sign for this body is refused.
      context: async (req, requestId, body): Promise<SubgraphContext<L>> => {
        const header = headerValue(req.headers[IDENTITY_HEADER]);
        const identity =
          !header && unsignedLoopback && isLoopback(req.socket.remoteAddress)
            ? ({ ok: true, identity: BENCH_UNSIGNED_READER } as const)
            : await verifyRequest(header, {
                audience: definition.name,
                body,
                secret: config.identitySecret,
                nonces,
              });
        if (!identity.ok) throw identityRefusal(identity.reason);
        const budget = new ResponseBudget(config.maxResponseNodes ?? DEFAULT_MAX_RESPONSE_NODES);
        return {
          requestId,
          db: dataSource,
          budget,
          loaders: definition.createLoaders(dataSource, budget),
          identity: identity.identity,
        };
      },
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

/** Who an unsigned loopback request is under BENCH_ACCEPT_UNSIGNED_LOOPBACK: no key, reader. */
const BENCH_UNSIGNED_READER: Identity = { keyId: null, role: "reader" };

/**
 * BENCH_ACCEPT_UNSIGNED_LOOPBACK=1, for benchmarks only (BENCHMARKS.md, "Peers"): a request with
 * no identity header from a loopback address is answered as the anonymous reader, so that a
 * gateway that cannot sign (Grafbase) can run over the same subgraph processes. A request that
 * carries a header is still verified in full, and the switch is refused unless the subgraph
 * listens on loopback only: nothing from another machine can reach it.
 */
function benchUnsignedLoopback(host: string, logger: { warn(message: string): void }): boolean {
  if (process.env.BENCH_ACCEPT_UNSIGNED_LOOPBACK !== "1") return false;
  if (!isLoopback(host)) {
    throw new Error(
      `BENCH_ACCEPT_UNSIGNED_LOOPBACK=1 needs HOST on loopback (127.0.0.1 or ::1), not ${host}`,
    );
  }
  logger.warn("BENCH_ACCEPT_UNSIGNED_LOOPBACK=1: unsigned loopback requests read anonymously");
  return true;
}

function isLoopback(address: string | undefined): boolean {
  return (
    address === "127.0.0.1" ||
    address === "::1" ||
    address === "::ffff:127.0.0.1" ||
    address === "localhost"
  );
}

/**
 * `Cache-Control` of a subgraph answer, which the gateway's response cache honours: a query
 * answered without errors may be reused for `maxAge` seconds, anything else never. Every field
 * has the same age, so Apollo's cache-control plugin, which computes a hint per resolved field
 * and so wraps every resolver, costs CPU for nothing (BENCHMARKS.md, "Tuning").
 */
function cacheHeaders(maxAge: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          const reusable =
            maxAge > 0 &&
            operation?.operation === "query" &&
            response.body.kind === "single" &&
            !response.body.singleResult.errors;
          response.http.headers.set(
            "cache-control",
            reusable ? `max-age=${maxAge}, public` : "no-store",
          );
        },
      };
    },
  };
}

interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
