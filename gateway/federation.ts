import "reflect-metadata";
import { readFile } from "node:fs/promises";
import { projectPath } from "../services/common/paths";
import type { DatabaseConfig } from "../services/common/database";
import { type RunningSubgraph, startSubgraph } from "../services/common/subgraph";
import { readBundles, seedIfEmpty } from "../services/dataset";
import { subgraphs } from "../services";
import { type RunningGateway, startGateway } from "./gateway";

export const SUPERGRAPH_PATH = projectPath("schema", "supergraph.graphql");

export interface FederationOptions {
  database: DatabaseConfig;
  host: string;
  /** 0 picks free ports (tests); `npm start` uses 4000-4003. */
  gatewayPort: number;
  subgraphPorts?: Record<string, number>;
  migrate: boolean;
  seed: boolean;
  introspection: boolean;
  log?: (line: string) => void;
}

export interface RunningFederation {
  gatewayUrl: string;
  subgraphs: RunningSubgraph[];
  /** SQL statements run by all subgraphs since start. */
  statementCount(): number;
  stop(): Promise<void>;
}

/** The whole federation in one process: three subgraphs and the gateway in front of them. */
export async function startFederation(options: FederationOptions): Promise<RunningFederation> {
  const log = options.log ?? (() => undefined);
  const running: RunningSubgraph[] = [];
  let gateway: RunningGateway | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(running.map((subgraph) => subgraph.stop()));
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
      });
      running.push(subgraph);
      if (options.seed) await seedIfEmpty(definition, subgraph.dataSource, bundles, log);
      log(`${definition.name} subgraph: ${subgraph.url}`);
    }
    gateway = await startGateway({
      host: options.host,
      port: options.gatewayPort,
      supergraphSdl: await readFile(SUPERGRAPH_PATH, "utf8"),
      subgraphUrls: Object.fromEntries(running.map((s) => [s.name, s.url])),
      introspection: options.introspection,
    });
    return {
      gatewayUrl: gateway.url,
      subgraphs: running,
      statementCount: () => running.reduce((sum, s) => sum + s.statements.count, 0),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
