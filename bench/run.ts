import "reflect-metadata";
import { readFile } from "node:fs/promises";
import { Pool } from "pg";
import { SUPERGRAPH_PATH, type RunningFederation, startFederation } from "../gateway/federation";
import { type BenchCase, benchCases, pickIds } from "./cases";
import { openBenchDatabase, parseOptions, positiveInt } from "./database";
import { benchDatabaseConfig } from "./load";
import { type GraphQLRequest, floorLatency, floorLoad, load, post, round } from "./measure";
import { type PeerGateway, startPeerGateway, withSubgraphUrls } from "./peer";
import { type CaseResult, type Settings, writeResults } from "./report";

const SINGLE_REQUESTS = 200;

/** `npm run bench -- [--statements N] [--database-url URL] [--duration S] [--connections C]` */
async function main() {
  const options = parseOptions(process.argv.slice(2));
  // One log line per request and subgraph call would measure the terminal; the peer logs nothing.
  process.env.LOG_LEVEL ??= "warn";
  const settings: Settings = {
    statements: positiveInt(options, "statements", 10_000),
    duration: positiveInt(options, "duration", 10),
    connections: positiveInt(options, "connections", 10),
    poolSize: positiveInt(options, "pool-size", 10),
    only: options.get("only")?.split(","),
  };
  const database = await openBenchDatabase(settings.statements, options.get("database-url"));
  const pool = new Pool({ connectionString: database.url, max: settings.connections });
  let federation: RunningFederation | undefined;
  let peer: PeerGateway | undefined;
  try {
    const ids = await pickIds(pool);
    console.log(`dataset: ${settings.statements} statements; ids: ${JSON.stringify(ids)}`);
    federation = await startFederation({
      database: benchDatabaseConfig(database.url, settings.poolSize),
      host: "127.0.0.1",
      gatewayPort: 0,
      subgraphPorts: { governments: 0, incidents: 0, "legal-actions": 0 },
      migrate: false,
      seed: false,
      introspection: false,
      limits: { rateLimitPerMinute: 1_000_000_000 },
    });
    const urls = Object.fromEntries(federation.subgraphs.map((s) => [s.name, s.url]));
    peer = await startPeerGateway(withSubgraphUrls(await readFile(SUPERGRAPH_PATH, "utf8"), urls));
    const results: CaseResult[] = [];
    for (const benchCase of benchCases(ids)) {
      if (settings.only && !settings.only.includes(benchCase.name)) continue;
      results.push(await measureCase(benchCase, federation, peer, pool, settings));
    }
    await writeResults(settings, ids, results, database.url);
  } finally {
    await peer?.stop();
    await federation?.stop();
    await pool.end();
    await database.stop();
  }
}

async function measureCase(
  benchCase: BenchCase,
  federation: RunningFederation,
  peer: PeerGateway,
  pool: Pool,
  settings: Settings,
): Promise<CaseResult> {
  const request: GraphQLRequest = { query: benchCase.query, variables: benchCase.variables };
  const statements = async (url: string) => {
    const before = federation.statementCount();
    await post(url, request);
    return federation.statementCount() - before;
  };
  const ours = await post(federation.gatewayUrl, request);
  const theirs = await post(peer.url, request);
  const result: CaseResult = {
    name: benchCase.name,
    kind: benchCase.kind,
    responseBytes: JSON.stringify(ours).length,
    sameAnswer: JSON.stringify(ours) === JSON.stringify(theirs),
    statementsPerRequest: {
      ours: await statements(federation.gatewayUrl),
      peer: await statements(peer.url),
    },
    ours: { load: undefined!, single: undefined! },
    peer: { load: undefined!, single: undefined! },
    floor: { load: undefined!, single: undefined! },
  };
  console.log(
    `\n${benchCase.name}: ${result.statementsPerRequest.ours} SQL statements per request`,
  );
  for (const [side, url] of [
    ["ours", federation.gatewayUrl],
    ["peer", peer.url],
  ] as const) {
    await load(url, request, { connections: settings.connections, amount: 200 }); // warm-up
    result[side].load = await load(url, request, settings);
    const single = await load(url, request, { connections: 1, amount: SINGLE_REQUESTS });
    result[side].single = { p50Ms: single.p50Ms, p99Ms: single.p99Ms, iterations: SINGLE_REQUESTS };
    console.log(
      `  ${side}: ${result[side].load.requestsPerSecond} req/s, p50 ${result[side].load.p50Ms} ms`,
    );
  }
  result.floor.single = await floorLatency(pool, benchCase.floor, SINGLE_REQUESTS);
  const total = Math.min(Math.max(result.ours.load.requests, 1_000), 20_000);
  result.floor.load = await floorLoad(pool, benchCase.floor, settings.connections, total);
  console.log(
    `  floor: ${result.floor.load.requestsPerSecond} req/s, p50 ${result.floor.single.p50Ms} ms alone`,
  );
  result.ratios = {
    oursOverPeerThroughput: round(
      result.ours.load.requestsPerSecond / result.peer.load.requestsPerSecond,
    ),
    oursOverFloorLatency: round(result.ours.single.p50Ms / result.floor.single.p50Ms),
    oursOverFloorThroughput: round(
      result.ours.load.requestsPerSecond / result.floor.load.requestsPerSecond,
    ),
  };
  return result;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
