import "reflect-metadata";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Pool } from "pg";
import { SUPERGRAPH_PATH } from "../gateway/supergraph";
import { type BenchCase, benchCases, pickIds } from "./cases";
import { parseOptions, positiveInt } from "../harness/options";
import { benchDatabaseConfig, openBenchDatabase } from "./database";
import { newIdentitySecret } from "./identity";
import { startLocalFederation } from "../harness/federation";
import { endPool } from "../harness/bulk-load";
import {
  type GraphQLRequest,
  difference,
  floorLatency,
  floorLoad,
  load,
  post,
  processCpuSeconds,
  round,
  type Spread,
  singleLatency,
} from "./measure";
import { peerSupergraph, startPeerGateway, withSubgraphUrls } from "./peer";
import { startGrafbase } from "./peers/grafbase";
import { startHiveRustPeer } from "./peers/hive-rust";
import type { PeerProcess } from "./peers/process";
import { type ProcessFederation, startProcessFederation } from "./processes";
import {
  type CaseResult,
  GATEWAYS,
  type GatewayKey,
  type GatewayStatus,
  type Measurement,
  type PeerKey,
  type RoundResult,
  type Settings,
  oursMedians,
  summarize,
  writeResults,
} from "./report";

const PEERS: PeerKey[] = ["hive", "hiveRust", "grafbase"];

/**
 * `npm run bench -- [--statements N] [--rounds R] [--duration S] [--connections C] [--single N]
 *  [--warmup N] [--persisted] [--workers W] [--pool-size P] [--peers hive,hiveRust,grafbase|none] [--cached] [--only "a,b"]
 *  [--database-url URL] [--node-options="..."]
 *  [--variant DIR] [--variant-node-options="..."]`
 *
 * Per query: every gateway is warmed up, then measured in `rounds` interleaved rounds (ours and
 * each peer one after the other, the order rotated each round, then the SQL floor), so that a
 * load spike on the shared machine falls on every gateway alike instead of on one of them.
 */
async function main() {
  const options = parseOptions(process.argv.slice(2), [
    "statements",
    "rounds",
    "duration",
    "connections",
    "single",
    "warmup",
    "pool-size",
    "workers",
    "peers",
    "cached",
    "persisted",
    "node-options",
    "only",
    "database-url",
    "variant",
    "variant-node-options",
  ]);
  // One log line per request and subgraph call would measure the terminal; the peers log nothing.
  process.env.LOG_LEVEL ??= "warn";
  const peersOption = options.get("peers");
  const variantRun = options.has("variant") || options.has("variant-node-options");
  // A variant has subgraphs of its own: peers sharing ours would warm and load ours more than
  // the variant's (an A/A measured variant/ours 0.71x-0.92x that way; 0.92x-1.24x without).
  if (variantRun && peersOption !== undefined && peersOption !== "none")
    throw new Error("--variant: measured without peers (leave --peers out or say --peers none)");
  const peers = (
    peersOption === "none" || variantRun ? [] : (peersOption?.split(",") ?? PEERS)
  ) as PeerKey[];
  for (const peer of peers) {
    if (!PEERS.includes(peer)) throw new Error(`--peers: ${peer} is not one of ${PEERS.join(",")}`);
  }
  const settings: Settings = {
    statements: positiveInt(options, "statements", 10_000),
    rounds: positiveInt(options, "rounds", 5),
    duration: positiveInt(options, "duration", 5),
    connections: positiveInt(options, "connections", 10),
    singleRequests: positiveInt(options, "single", 200),
    warmup: positiveInt(options, "warmup", 200),
    poolSize: positiveInt(options, "pool-size", 10),
    workers: positiveInt(options, "workers", 1),
    peers,
    cached: options.get("cached") === "true",
    persisted: options.get("persisted") === "true",
    nodeOptions: options.get("node-options"),
    only: options.get("only")?.split(","),
    variant: variantRun
      ? {
          dir: options.get("variant") && resolve(options.get("variant")!),
          nodeOptions: options.get("variant-node-options"),
        }
      : undefined,
  };
  const database = await openBenchDatabase(settings.statements, options.get("database-url"));
  const pool = new Pool({ connectionString: database.url, max: settings.connections });
  // One secret for the run: every subgraph checks, and every signing gateway signs, with it.
  const identitySecret = newIdentitySecret();
  let processes: ProcessFederation | undefined;
  let variant: ProcessFederation | undefined;
  const peerProcesses: PeerProcess[] = [];
  const cleanUp = async () => {
    await Promise.all(peerProcesses.splice(0).map((peer) => peer.stop()));
    await Promise.all([processes?.stop(), variant?.stop()]);
    processes = variant = undefined;
    await endPool(pool);
    await database.stop();
  };
  // Interrupted (Ctrl-C, a timeout): the services and peers stop with us instead of lingering.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`${signal}: stopping the services`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    const ids = await pickIds(pool);
    console.log(`dataset: ${settings.statements} statements; ids: ${JSON.stringify(ids)}`);
    const cases = benchCases(ids).filter((c) => !settings.only || settings.only.includes(c.name));
    const peerSchema = peerSupergraph(await readFile(SUPERGRAPH_PATH, "utf8"));
    const supergraphSdl = peerSchema.sdl;
    console.log(
      `Hive Gateway peers' supergraph without ${peerSchema.dropped.join(", ") || "nothing"}`,
    );
    const checked = await checkInProcess(
      cases,
      database.url,
      pool,
      settings,
      identitySecret,
      supergraphSdl,
    );
    // Like the rate limit, our gateway's per-client admission limit (8 at once per address) is
    // lifted: every benchmark connection comes from 127.0.0.1, and the peers have no such limit.
    const gatewayEnvFile = join(tmpdir(), `bench-gateway-env-${process.pid}`);
    const slots = Math.max(settings.connections, 32);
    await writeFile(
      gatewayEnvFile,
      `MAX_CONCURRENT_REQUESTS=${slots}\nMAX_CONCURRENT_PER_CLIENT=${slots}\n`,
    );
    const start = (
      peer: boolean,
      responseCacheMaxAge: number,
      build: { dist?: string; nodeOptions?: string } = {},
    ) =>
      startProcessFederation({
        databaseUrl: database.url,
        workers: settings.workers,
        poolSize: settings.poolSize,
        identitySecret,
        responseCacheMaxAge,
        peer,
        supergraphSdl,
        dist: build.dist,
        nodeOptions: build.nodeOptions ?? settings.nodeOptions,
        nodeArgs: { gateway: [`--env-file=${gatewayEnvFile}`] },
      });
    processes = await start(peers.includes("hive"), 0);
    const urls: Partial<Record<GatewayKey, string>> = { ours: processes.gatewayUrl };
    // CPU accounting per gateway: its own process, and the subgraphs it calls.
    const pids: Partial<Record<GatewayKey, GatewayPids>> = {
      ours: processes.pids,
      oursPersisted: processes.pids, // the same process, asked by hash
    };
    const shared = (gateway: number | undefined) =>
      gateway ? { gateway, subgraphs: processes!.pids.subgraphs } : undefined;
    if (processes.peerPid) pids.hive = shared(processes.peerPid);
    const status: Record<string, GatewayStatus> = { ours: { ran: true } };
    if (settings.variant) {
      // Ours again from another build (its gateway and its subgraphs) and/or other Node.js
      // options, over the same database: a before/after of one change in the same rounds.
      variant = await start(false, 0, {
        dist: settings.variant.dir && join(settings.variant.dir, "dist"),
        nodeOptions: settings.variant.nodeOptions,
      });
      urls.oursVariant = variant.gatewayUrl;
      pids.oursVariant = variant.pids;
      status.oursVariant = { ran: true };
      console.log(`ours (variant): ${JSON.stringify(settings.variant)} at ${urls.oursVariant}`);
    }
    if (peers.includes("hive")) {
      urls.hive = processes.peerUrl;
      status.hive = { ran: true };
    }
    const starters: [PeerKey, () => Promise<PeerProcess>][] = [
      [
        "hiveRust",
        () =>
          startHiveRustPeer({
            supergraphSdl,
            subgraphUrls: processes!.subgraphUrls,
            identitySecret,
            workers: settings.workers,
            nodeOptions: settings.nodeOptions,
          }),
      ],
      [
        "grafbase",
        () =>
          startGrafbase({
            subgraphUrls: processes!.subgraphUrls,
            identitySecret,
            workers: settings.workers,
          }),
      ],
    ];
    for (const [key, startPeer] of starters) {
      if (!peers.includes(key)) continue;
      try {
        const peer = await startPeer();
        peerProcesses.push(peer);
        urls[key] = peer.url;
        pids[key] = shared(peer.pid);
        status[key] = { ran: true };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        status[key] = { ran: false, reason: `could not start: ${reason.slice(0, 500)}` };
        console.log(`${GATEWAYS[key]}: NOT RUN (${status[key].reason})`);
      }
    }
    const results: CaseResult[] = [];
    for (const benchCase of cases) {
      results.push(
        await measureCase(
          benchCase,
          checked.get(benchCase.name)!,
          urls,
          status,
          pool,
          settings,
          pids,
        ),
      );
    }
    await Promise.all(peerProcesses.splice(0).map((peer) => peer.stop()));
    await Promise.all([processes.stop(), variant?.stop()]);
    processes = variant = undefined;
    if (settings.cached) {
      processes = await start(false, 300);
      for (const [i, benchCase] of cases.entries()) {
        const request = { query: benchCase.query, variables: benchCase.variables };
        await load(processes.gatewayUrl, request, {
          connections: settings.connections,
          amount: 200,
        });
        results[i].cached = await measureOne(processes.gatewayUrl, request, settings);
      }
      await processes.stop();
      processes = undefined;
    }
    await writeResults(settings, ids, status, results, database.url, peerSchema.dropped);
  } finally {
    await cleanUp();
  }
}

/** A gateway process and the subgraph processes it calls, for CPU per request. */
type GatewayPids = ProcessFederation["pids"];

type Checked = Pick<CaseResult, "responseBytes" | "statementsPerRequest">;

/**
 * Answers and SQL statements per request, counted around one request with everything in this
 * process: the same plans and resolvers the separate processes run, where the count is visible.
 * Our gateway, Hive Gateway and the SQL floor must return the same data, else nothing is
 * measured: figures for different answers would compare nothing.
 */
async function checkInProcess(
  cases: BenchCase[],
  databaseUrl: string,
  pool: Pool,
  settings: Settings,
  identitySecret: string,
  peerSupergraphSdl: string,
): Promise<Map<string, Checked>> {
  const federation = await startLocalFederation(
    benchDatabaseConfig(databaseUrl, settings.poolSize),
    { responseCache: false, identitySecret },
  );
  const urls = Object.fromEntries(federation.subgraphs.map((s) => [s.name, s.url]));
  const peer = await startPeerGateway(withSubgraphUrls(peerSupergraphSdl, urls), {
    identitySecret,
  });
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

/** Load for the configured duration (CPU per request too, given `pids`), then single-request latency. */
async function measureOne(
  url: string,
  request: GraphQLRequest,
  settings: Settings,
  pids?: GatewayPids,
): Promise<Measurement> {
  const cpuAt = () => (pids ? processCpuSeconds([pids.gateway], pids.subgraphs) : []);
  const [gatewayBefore, subgraphsBefore] = cpuAt();
  const figures = await load(url, request, settings);
  const [gatewayAfter, subgraphsAfter] = cpuAt();
  const perRequestMs = (seconds: number) => round((seconds * 1000) / figures.requests);
  const cpu =
    pids && figures.requests > 0
      ? {
          gatewayMs: perRequestMs(gatewayAfter - gatewayBefore),
          subgraphsMs: perRequestMs(subgraphsAfter - subgraphsBefore),
        }
      : undefined;
  const single = await singleLatency(url, request, settings.singleRequests);
  return { load: figures, single, ...(cpu ? { cpu } : {}) };
}

/**
 * One query: every running gateway's answer checked against ours (a peer that answers
 * differently, or with an error, is left out of this query and says why), a warm-up of 200
 * requests each (query plans, document caches, PostgreSQL buffers), then the interleaved rounds.
 */
async function measureCase(
  benchCase: BenchCase,
  checked: Checked,
  urls: Partial<Record<GatewayKey, string>>,
  runStatus: Record<string, GatewayStatus>,
  pool: Pool,
  settings: Settings,
  pids: Partial<Record<GatewayKey, GatewayPids>>,
): Promise<CaseResult> {
  console.log(
    `\n${benchCase.name}: ${checked.statementsPerRequest.ours} SQL statements per request`,
  );
  const request: GraphQLRequest = { query: benchCase.query, variables: benchCase.variables };
  const status: Record<string, GatewayStatus> = { ...runStatus };
  const ours = await post(urls.ours!, request);
  const gateways: GatewayKey[] = ["ours"];
  const requests: Partial<Record<GatewayKey, GraphQLRequest>> = { ours: request };
  const gatewayUrls: Partial<Record<GatewayKey, string>> = { ...urls };
  if (settings.persisted) {
    // Automatic persisted queries: registered once with the text, then sent as the hash only.
    const sha256Hash = createHash("sha256").update(benchCase.query).digest("hex");
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    await post(urls.ours!, { ...request, extensions });
    requests.oursPersisted = { variables: benchCase.variables, extensions };
    gatewayUrls.oursPersisted = urls.ours;
    const found = difference(ours, await post(urls.ours!, requests.oursPersisted));
    if (found) throw new Error(`${benchCase.name}: the persisted form differs at ${found}`);
    gateways.push("oursPersisted");
  }
  if (urls.oursVariant) {
    const found = difference(ours, await post(urls.oursVariant, request));
    if (found) throw new Error(`${benchCase.name}: the variant's answer differs at ${found}`);
    gateways.push("oursVariant");
    requests.oursVariant = request;
  }
  for (const key of settings.peers) {
    const url = urls[key];
    if (!url || !status[key]?.ran) continue;
    try {
      const found = difference(ours, await post(url, request));
      if (found) throw new Error(`its answer differs from ours at ${found}`);
      gateways.push(key);
      requests[key] = request;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      status[key] = { ran: false, reason: `left out of this query: ${reason.slice(0, 300)}` };
      console.log(`  ${GATEWAYS[key]}: ${status[key].reason}`);
    }
  }
  for (const key of gateways) {
    await load(gatewayUrls[key]!, requests[key]!, {
      connections: settings.connections,
      amount: settings.warmup,
    });
  }
  const rounds: RoundResult[] = [];
  for (let r = 0; r < settings.rounds; r += 1) {
    const order = gateways.map((_, i) => gateways[(i + r) % gateways.length]);
    const measured: RoundResult["gateways"] = {};
    for (const key of order) {
      measured[key] = await measureOne(gatewayUrls[key]!, requests[key]!, settings, pids[key]);
    }
    const single = await floorLatency(pool, benchCase.floor, settings.singleRequests);
    const total = Math.min(Math.max(measured.ours!.load.requests, 1_000), 20_000);
    const floorFigures = await floorLoad(pool, benchCase.floor, settings.connections, total);
    rounds.push({ round: r + 1, order, gateways: measured, floor: { load: floorFigures, single } });
    console.log(
      `  round ${r + 1}: ` +
        order
          .map((key) => {
            const m = measured[key]!;
            return `${key} ${m.load.requestsPerSecond} req/s 1-req ${m.single.p50Ms} ms`;
          })
          .join("; ") +
        `; floor ${floorFigures.requestsPerSecond} req/s 1-req ${single.p50Ms} ms`,
    );
  }
  const summary = summarize(rounds);
  const result: CaseResult = {
    name: benchCase.name,
    kind: benchCase.kind,
    ...checked,
    sameAnswer: true,
    status,
    rounds,
    summary,
    ours: oursMedians(summary, rounds),
  };
  const { hiveRust, variant } = result.summary.ratios;
  const showSpread = (label: string, value: Spread | undefined) =>
    value ? `${label} ${value.median}x (${value.min}-${value.max}); ` : "";
  console.log(
    "  " +
      showSpread("ours/Hive+Rust req/s", hiveRust) +
      showSpread("variant/ours req/s", variant) +
      `ours/floor 1-req ${result.summary.ratios.floorSingle.median}x; ` +
      `ours 1-req p50 ${round(result.summary.gateways.ours!.singleP50.median)} ms`,
  );
  return result;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
