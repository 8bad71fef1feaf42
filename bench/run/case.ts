import { createHash } from "node:crypto";
import type { Pool } from "pg";
import type { BenchCase } from "../cases";
import {
  type GraphQLRequest,
  difference,
  floorLatency,
  floorLoad,
  load,
  post,
  processCpuSeconds,
  rotated,
  round,
  type Spread,
  singleLatency,
} from "../measure";
import {
  type CaseResult,
  GATEWAYS,
  type GatewayKey,
  type GatewayStatus,
  type Measurement,
  type RoundResult,
  type Settings,
  oursMedians,
  summarize,
} from "../report";
import type { Checked } from "./check";
import type { GatewayPids, Gateways } from "./gateways";

/** The gateways that answer one query as ours does, each with its URL and request. */
interface Answering {
  gateways: GatewayKey[];
  requests: Partial<Record<GatewayKey, GraphQLRequest>>;
  gatewayUrls: Partial<Record<GatewayKey, string>>;
  status: Record<string, GatewayStatus>;
}

/**
 * One query: every running gateway's answer checked against ours (a peer that answers
 * differently, or with an error, is left out of this query and says why), a warm-up of 200
 * requests each (query plans, document caches, PostgreSQL buffers), then the interleaved rounds.
 */
export async function measureCase(
  benchCase: BenchCase,
  checked: Checked,
  { urls, status: runStatus, pids }: Gateways,
  pool: Pool,
  settings: Settings,
): Promise<CaseResult> {
  console.log(
    `\n${benchCase.name}: ${checked.statementsPerRequest.ours} SQL statements per request`,
  );
  const answering = await answeringGateways(benchCase, urls, runStatus, settings);
  const { gateways, requests, gatewayUrls, status } = answering;
  for (const key of gateways) {
    await load(gatewayUrls[key]!, requests[key]!, {
      connections: settings.connections,
      amount: settings.warmup,
    });
  }
  const rounds: RoundResult[] = [];
  for (let r = 0; r < settings.rounds; r += 1) {
    rounds.push(await measureRound(r, benchCase, answering, pool, settings, pids));
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
  printRatios(result);
  return result;
}

async function answeringGateways(
  benchCase: BenchCase,
  urls: Gateways["urls"],
  runStatus: Gateways["status"],
  settings: Settings,
): Promise<Answering> {
  const request: GraphQLRequest = {
    query: benchCase.query,
    variables: benchCase.variables,
    token: benchCase.token,
  };
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
    requests.oursPersisted = { variables: benchCase.variables, extensions, token: request.token };
    gatewayUrls.oursPersisted = urls.ours;
    const found = difference(ours, await post(urls.ours!, requests.oursPersisted));
    if (found) throw new Error(`${benchCase.name}: the persisted form differs at ${found}`);
    gateways.push("oursPersisted");
  }
  if (urls.oursVariant) {
    const theirs = await post(urls.oursVariant, request);
    const found = difference(ours, theirs);
    // Equal items in another order (a tie broken another way, as relevance ties were by issue
    // 22) answer the same work: said, not refused.
    if (found && difference(canonical(ours), canonical(theirs))) {
      throw new Error(`${benchCase.name}: the variant's answer differs at ${found}`);
    }
    if (found) console.log(`${benchCase.name}: the variant lists the same items in another order`);
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
  return { gateways, requests, gatewayUrls, status };
}

/** Round `r`: every gateway in an order rotated by `r`, then the SQL floor. */
async function measureRound(
  r: number,
  benchCase: BenchCase,
  { gateways, requests, gatewayUrls }: Answering,
  pool: Pool,
  settings: Settings,
  pids: Gateways["pids"],
): Promise<RoundResult> {
  const order = rotated(gateways, r);
  const measured: RoundResult["gateways"] = {};
  for (const key of order) {
    measured[key] = await measureOne(gatewayUrls[key]!, requests[key]!, settings, pids[key]);
  }
  const single = await floorLatency(pool, benchCase.floor, settings.singleRequests);
  const total = Math.min(Math.max(measured.ours!.load.requests, 1_000), 20_000);
  const floorFigures = await floorLoad(pool, benchCase.floor, settings.connections, total);
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
  return { round: r + 1, order, gateways: measured, floor: { load: floorFigures, single } };
}

function printRatios(result: CaseResult) {
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
}

/** Load for the configured duration (CPU per request too, given `pids`), then single-request latency. */
export async function measureOne(
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

/** `value` with every list sorted: answers equal but for the order of their lists' items. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
}
