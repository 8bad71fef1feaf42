import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { DatabaseConfig } from "../services/common/database";
import { type RunningSubgraph, startSubgraph } from "../services/common/subgraph";
import { readBundles, seedIfEmpty } from "../services/dataset";
import { subgraphs } from "../services";
import { KeyStore } from "./access/keys";
import { SUPERGRAPH_PATH } from "./supergraph";
import { type RunningGateway, startGateway } from "./gateway";
import type { Limits } from "./limits";
import {
  type CacheInvalidation,
  DEFAULT_RESPONSE_CACHE,
  type ResponseCacheConfig,
} from "./response-cache";

export { SUPERGRAPH_PATH };

export interface FederationOptions {
  database: DatabaseConfig;
  host: string;
  /** 0 picks free ports (tests); `npm start` uses 4000-4003. */
  gatewayPort: number;
  subgraphPorts?: Record<string, number>;
  migrate: boolean;
  seed: boolean;
  introspection: boolean;
  /** Masks internal errors (default: NODE_ENV === "production"). */
  production?: boolean;
  limits?: Partial<Limits>;
  /** Requests without an API key may read (default true). */
  anonymousReads?: boolean;
  /** Anonymous reads answered from memory (default DEFAULT_RESPONSE_CACHE); false: never. */
  responseCache?: ResponseCacheConfig | false;
  cacheInvalidation?: CacheInvalidation;
  /** Random per process when omitted: gateway and subgraphs share this process. */
  identitySecret?: string;
  /** Items one subgraph answer may list (MAX_RESPONSE_NODES). */
  maxResponseNodes?: number;
  /** `/metrics` behind this token on every service; null: not served (production default). */
  metricsToken?: string | null;
  /** Where the gateway calls a subgraph, by name, instead of where it listens (a proxy). */
  subgraphUrls?: Record<string, string>;
  /** The web build served at /app/ and /graphiql (default: dist/web). */
  webRoot?: string;
  log?: (line: string) => void;
}

export interface RunningFederation {
  gatewayUrl: string;
  subgraphs: RunningSubgraph[];
  keys: KeyStore;
  /** The first admin's token when this start created it (shown once), else null. */
  firstAdminToken: string | null;
  /** SQL statements run by all subgraphs since start. */
  statementCount(): number;
  stop(): Promise<void>;
}

/** The whole federation in one process: three subgraphs and the gateway in front of them. */
export async function startFederation(options: FederationOptions): Promise<RunningFederation> {
  const log = options.log ?? (() => undefined);
  const running: RunningSubgraph[] = [];
  const identitySecret = options.identitySecret ?? randomBytes(32).toString("base64url");
  const responseCache = options.responseCache ?? DEFAULT_RESPONSE_CACHE;
  const production = options.production ?? process.env.NODE_ENV === "production";
  let gateway: RunningGateway | undefined;
  let keys: KeyStore | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(running.map((subgraph) => subgraph.stop()));
    await keys?.close();
  };
  try {
    const bundles = options.seed ? await readBundles() : [];
    // One after another: migrations create shared extensions, which must not race.
    for (const { definition, port } of subgraphs) {
      const subgraph = await startSubgraph(definition, {
        host: options.host,
        port: options.subgraphPorts?.[definition.name] ?? port,
        migrate: options.migrate,
        database: options.database,
        identitySecret,
        // One setting for the whole process: the subgraphs' hints would otherwise cap it.
        cacheMaxAgeSeconds: responseCache ? responseCache.maxAgeSeconds : undefined,
        maxResponseNodes: options.maxResponseNodes,
        // The gateway's own limits, so that a fetch of an operation it accepted passes them.
        maxCost: options.limits?.maxCost,
        maxDepth: options.limits?.maxDepth,
        production,
        metricsToken: options.metricsToken,
      });
      running.push(subgraph);
      if (options.seed) await seedIfEmpty(definition, subgraph.dataSource, bundles, log);
      log(`${definition.name} subgraph: ${subgraph.url}`);
    }
    keys = await KeyStore.open(options.database, { migrateSchema: options.migrate });
    const firstAdminToken = await keys.ensureAdmin();
    gateway = await startGateway({
      keys,
      anonymousReads: options.anonymousReads ?? true,
      production,
      metricsToken: options.metricsToken,
      limits: options.limits,
      responseCache,
      cacheInvalidation: options.cacheInvalidation,
      identitySecret,
      host: options.host,
      port: options.gatewayPort,
      supergraphSdl: await readFile(SUPERGRAPH_PATH, "utf8"),
      subgraphUrls: {
        ...Object.fromEntries(running.map((s) => [s.name, s.url])),
        ...options.subgraphUrls,
      },
      introspection: options.introspection,
      webRoot: options.webRoot,
    });
    return {
      gatewayUrl: gateway.url,
      keys,
      firstAdminToken,
      subgraphs: running,
      statementCount: () => running.reduce((sum, s) => sum + s.statements.count, 0),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
