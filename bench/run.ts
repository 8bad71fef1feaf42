import "reflect-metadata";
import { readFile } from "node:fs/promises";
import { Pool } from "pg";
import { SUPERGRAPH_PATH } from "../gateway/supergraph";
import { type BenchCase, benchCases, pickIds } from "./cases";
import { parseOptions, positiveInt } from "../harness/options";
import { benchDatabaseConfig, openBenchDatabase } from "./database";
import { newIdentitySecret } from "./identity";
import { startLocalFederation } from "../harness/federation";
import {
  type GraphQLRequest,
  difference,
  floorLatency,
  floorLoad,
  load,
  post,
  round,
} from "./measure";
import { startPeerGateway, withSubgraphUrls } from "./peer";
import { type ProcessFederation, startProcessFederation } from "./processes";
import { type CaseResult, type Settings, writeResults } from "./report";

const SINGLE_REQUESTS = 200;

/**
 * `npm run bench -- [--statements N] [--database-url URL] [--duration S] [--connections C]
 *  [--workers W] [--pool-size P] [--cached] [--only "name,name"]`
 */
async function main() {
  const options = parseOptions(process.argv.slice(2));
  // One log line per request and subgraph call would measure the terminal; the peer logs nothing.
  process.env.LOG_LEVEL ??= "warn";
  const settings: Settings = {
    statements: positiveInt(options, "statements", 10_000),
    duration: positiveInt(options, "duration", 10),
    connections: positiveInt(options, "connections", 10),
    poolSize: positiveInt(options, "pool-size", 10),
    workers: positiveInt(options, "workers", 1),
    cached: options.get("cached") === "true",
    nodeOptions: options.get("node-options"),
    only: options.get("only")?.split(","),
  };
  const database = await openBenchDatabase(settings.statements, options.get("database-url"));
  const pool = new Pool({ connectionString: database.url, max: settings.connections });
  // One secret for the run: every subgraph checks, and both gateways sign, with it.
  const identitySecret = newIdentitySecret();
  let processes: ProcessFederation | undefined;
  try {
    const ids = await pickIds(pool);
    console.log(`dataset: ${settings.statements} statements; ids: ${JSON.stringify(ids)}`);
    const cases = benchCases(ids).filter((c) => !settings.only || settings.only.includes(c.name));
    const checked = await checkInProcess(cases, database.url, pool, settings, identitySecret);
    const supergraphSdl = await readFile(SUPERGRAPH_PATH, "utf8");
    const start = (peer: boolean, responseCacheMaxAge: number) =>
      startProcessFederation({
        databaseUrl: database.url,
        workers: settings.workers,
        poolSize: settings.poolSize,
        identitySecret,
        responseCacheMaxAge,
        peer,
        supergraphSdl,
        nodeOptions: settings.nodeOptions,
      });
    processes = await start(true, 0);
    const results: CaseResult[] = [];
    for (const benchCase of cases) {
      results.push(
        await measureCase(benchCase, checked.get(benchCase.name)!, processes, pool, settings),
      );
    }
    await processes.stop();
    if (settings.cached) {
      processes = await start(false, 300);
      for (const [i, benchCase] of cases.entries()) {
        results[i].cached = await measureSide(processes.gatewayUrl, benchCase, settings, "cached");
      }
      await processes.stop();
    }
    await writeResults(settings, ids, results, database.url);
  } finally {
    await processes?.stop();
    await pool.end();
    await database.stop();
  }
}

type Checked = Pick<CaseResult, "responseBytes" | "sameAnswer" | "statementsPerRequest">;

/**
 * Answers and SQL statements per request, counted around one request with everything in this
 * process: the same plans and resolvers the separate processes run, where the count is visible.
 * Both gateways and the SQL floor must return the same data, else nothing is measured: figures
 * for different answers would compare nothing.
 */
async function checkInProcess(
  cases: BenchCase[],
  databaseUrl: string,
  pool: Pool,
  settings: Settings,
  identitySecret: string,
): Promise<Map<string, Checked>> {
  const federation = await startLocalFederation(
    benchDatabaseConfig(databaseUrl, settings.poolSize),
    { responseCache: false, identitySecret },
  );
  const urls = Object.fromEntries(federation.subgraphs.map((s) => [s.name, s.url]));
  const peer = await startPeerGateway(
    withSubgraphUrls(await readFile(SUPERGRAPH_PATH, "utf8"), urls),
    { identitySecret },
  );
  try {
    const checked = new Map<string, Checked>();
    for (const benchCase of cases) {
      const request: GraphQLRequest = { query: benchCase.query, variables: benchCase.variables };
      const statements = async (url: string) => {
        const before = federation.statementCount();
        await post(url, request);
        return federation.statementCount() - before;
      };
      const ours = await post(federation.gatewayUrl, request);
      for (const [other, answer] of [
        ["the peer gateway", await post(peer.url, request)],
        ["the SQL floor", await benchCase.floor(pool)],
      ] as const) {
        const found = difference(ours, answer);
        if (found) throw new Error(`${benchCase.name}: ours and ${other} differ at ${found}`);
      }
      checked.set(benchCase.name, {
        responseBytes: JSON.stringify(ours).length,
        sameAnswer: true,
        statementsPerRequest: {
          ours: await statements(federation.gatewayUrl),
          peer: await statements(peer.url),
        },
      });
    }
    return checked;
  } finally {
    await peer.stop();
    await federation.stop();
  }
}

/** Warm-up, then load for the configured duration, then single-request latency. */
async function measureSide(url: string, benchCase: BenchCase, settings: Settings, label: string) {
  const request: GraphQLRequest = { query: benchCase.query, variables: benchCase.variables };
  await load(url, request, { connections: settings.connections, amount: 200 });
  const figures = await load(url, request, settings);
  const single = await load(url, request, { connections: 1, amount: SINGLE_REQUESTS });
  console.log(`  ${label}: ${figures.requestsPerSecond} req/s, p50 ${figures.p50Ms} ms`);
  return {
    load: figures,
    single: { p50Ms: single.p50Ms, p99Ms: single.p99Ms, iterations: SINGLE_REQUESTS },
  };
}

async function measureCase(
  benchCase: BenchCase,
  checked: Checked,
  processes: ProcessFederation,
  pool: Pool,
  settings: Settings,
): Promise<CaseResult> {
  console.log(
    `\n${benchCase.name}: ${checked.statementsPerRequest.ours} SQL statements per request`,
  );
  const ours = await measureSide(processes.gatewayUrl, benchCase, settings, "ours");
  const peer = await measureSide(processes.peerUrl!, benchCase, settings, "peer");
  const single = await floorLatency(pool, benchCase.floor, SINGLE_REQUESTS);
  const total = Math.min(Math.max(ours.load.requests, 1_000), 20_000);
  const floorFigures = await floorLoad(pool, benchCase.floor, settings.connections, total);
  console.log(`  floor: ${floorFigures.requestsPerSecond} req/s, p50 ${single.p50Ms} ms alone`);
  return {
    name: benchCase.name,
    kind: benchCase.kind,
    ...checked,
    ours,
    peer,
    floor: { load: floorFigures, single },
    ratios: {
      oursOverPeerThroughput: round(ours.load.requestsPerSecond / peer.load.requestsPerSecond),
      oursOverFloorLatency: round(ours.single.p50Ms / single.p50Ms),
      oursOverFloorThroughput: round(ours.load.requestsPerSecond / floorFigures.requestsPerSecond),
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
