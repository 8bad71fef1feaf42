import { cpus, totalmem } from "node:os";
import { Client } from "pg";
import { type LatencyFigures, type LoadFigures, type Spread, spread } from "./measure";

/** The gateways of a run: ours and the peers, in table order. */
export const GATEWAYS = {
  ours: "ours",
  /** Ours again, the client sending the operation's SHA-256 only (APQ hit): `--persisted`. */
  oursPersisted: "ours (persisted)",
  /** Ours again from another build or with other Node.js options: `--variant DIR`. */
  oursVariant: "ours (variant)",
  hive: "Hive Gateway",
  hiveRust: "Hive Gateway + Rust planner",
  grafbase: "Grafbase (dev server)",
} as const;

export type GatewayKey = keyof typeof GATEWAYS;
const OURS = ["ours", "oursPersisted", "oursVariant"] as const;
export type PeerKey = Exclude<GatewayKey, (typeof OURS)[number]>;
const isPeer = (key: GatewayKey): key is PeerKey => !(OURS as readonly string[]).includes(key);

export type GatewayStatus = { ran: true } | { ran: false; reason: string };

export interface Settings {
  statements: number;
  /** Interleaved rounds per query. */
  rounds: number;
  /** Seconds of load per gateway, query and round. */
  duration: number;
  connections: number;
  /** Sequential requests per gateway, query and round for the single-request latency. */
  singleRequests: number;
  /** Warm-up requests per gateway and query, before the rounds. */
  warmup: number;
  poolSize: number;
  /** node:cluster workers per service, the same for every Node gateway. */
  workers: number;
  peers: PeerKey[];
  /** Also measure ours with persisted-query requests (hash only) in the same rounds. */
  persisted: boolean;
  /** Also measure our gateway with its response cache on (reported separately). */
  cached: boolean;
  /** NODE_OPTIONS of every service process. */
  nodeOptions?: string;
  only?: string[];
  /**
   * A second federation of ours measured in the same rounds (a before/after of a change): the
   * checkout whose `dist/` it runs (gateway and subgraphs) and/or its Node.js options. Such a run
   * updates no BENCHMARKS.md table.
   */
  variant?: { dir?: string; nodeOptions?: string };
}

export interface Measurement {
  load: LoadFigures;
  single: LatencyFigures & { errors?: number };
  /**
   * CPU milliseconds per request during the load (user + system, from /proc): the gateway's
   * process tree, and the three subgraphs' together. Absent for the floor and older runs.
   */
  cpu?: { gatewayMs: number; subgraphsMs: number };
}

export interface RoundResult {
  round: number;
  /** The order the gateways were measured in (rotated each round). */
  order: GatewayKey[];
  gateways: Partial<Record<GatewayKey, Measurement>>;
  floor: Measurement;
}

interface GatewaySummary {
  requestsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  singleP50: Spread;
  errors: number;
  cpuGatewayMs?: Spread;
  cpuSubgraphsMs?: Spread;
}

export interface CaseSummary {
  gateways: Partial<Record<GatewayKey, GatewaySummary>>;
  floor: { requestsPerSecond: Spread; singleP50: Spread };
  /**
   * Per-round ratios, then their median and min-max: ours/peer req/s for each peer, and ours
   * over the floor's single-request p50.
   */
  ratios: Partial<Record<PeerKey, Spread>> & {
    floorSingle: Spread;
    /** ours (persisted) / ours req/s, per round: above 1, the persisted form is faster. */
    persisted?: Spread;
    /** ours (variant) / ours req/s, per round. */
    variant?: Spread;
    /** ours (variant) / ours single-request p50, per round: below 1, the variant is faster. */
    variantSingle?: Spread;
    /** Per gateway: its CPU per request over ours, per round (above 1: it costs more). */
    cpu?: Partial<Record<GatewayKey, Spread>>;
  };
}

export interface CaseResult {
  name: string;
  kind: string;
  responseBytes: number;
  /** Ours, Hive Gateway and the SQL floor returned the same data (a run stops otherwise). */
  sameAnswer: boolean;
  /** `peer` absent where it cannot answer: a keyed write (Hive Gateway signs no identity). */
  statementsPerRequest: { ours: number; peer?: number };
  /** Per gateway: measured, or why not (did not start, answered differently). */
  status: Record<string, GatewayStatus>;
  rounds: RoundResult[];
  summary: CaseSummary;
  /** Our gateway's medians over the rounds, in the shape of one measurement (bench:scaling). */
  ours: Measurement;
  /** Our gateway with the response cache on: anonymous repeats of one query (not interleaved). */
  cached?: Measurement;
}

/** Our gateway's medians in the shape of one measurement. */
export function oursMedians(summary: CaseSummary, rounds: RoundResult[]): Measurement {
  const ours = summary.gateways.ours!;
  return {
    load: {
      requestsPerSecond: ours.requestsPerSecond.median,
      p50Ms: ours.p50Ms.median,
      p99Ms: ours.p99Ms.median,
      requests: spread(rounds.map((r) => r.gateways.ours?.load.requests ?? NaN)).median,
      errors: ours.errors,
    },
    single: { p50Ms: ours.singleP50.median, p99Ms: NaN, iterations: rounds.length },
  };
}

/** The medians over rounds, per gateway, and the per-round ratios. */
export function summarize(rounds: RoundResult[]): CaseSummary {
  const keys = Object.keys(GATEWAYS) as GatewayKey[];
  const gateways: CaseSummary["gateways"] = {};
  for (const key of keys) {
    const measured = rounds.map((r) => r.gateways[key]).filter((m) => m !== undefined);
    if (measured.length === 0) continue;
    gateways[key] = {
      requestsPerSecond: spread(measured.map((m) => m.load.requestsPerSecond)),
      p50Ms: spread(measured.map((m) => m.load.p50Ms)),
      p99Ms: spread(measured.map((m) => m.load.p99Ms)),
      singleP50: spread(measured.map((m) => m.single.p50Ms)),
      errors: measured.reduce((sum, m) => sum + m.load.errors + (m.single.errors ?? 0), 0),
      ...(measured.every((m) => m.cpu)
        ? {
            cpuGatewayMs: spread(measured.map((m) => m.cpu!.gatewayMs)),
            cpuSubgraphsMs: spread(measured.map((m) => m.cpu!.subgraphsMs)),
          }
        : {}),
    };
  }
  const ratios: CaseSummary["ratios"] = {
    floorSingle: spread(
      rounds.map((r) => (r.gateways.ours?.single.p50Ms ?? NaN) / r.floor.single.p50Ms),
    ),
  };
  const againstOurs = (key: GatewayKey, figure: (m: Measurement) => number) =>
    spread(
      rounds.map(
        (r) =>
          (r.gateways[key] ? figure(r.gateways[key]) : NaN) /
          (r.gateways.ours ? figure(r.gateways.ours) : NaN),
      ),
    );
  if (gateways.oursPersisted) {
    ratios.persisted = againstOurs("oursPersisted", (m) => m.load.requestsPerSecond);
  }
  if (gateways.oursVariant) {
    ratios.variant = againstOurs("oursVariant", (m) => m.load.requestsPerSecond);
    ratios.variantSingle = againstOurs("oursVariant", (m) => m.single.p50Ms);
  }
  if (gateways.ours?.cpuGatewayMs) {
    ratios.cpu = {};
    for (const key of keys) {
      if (key === "ours" || !gateways[key]?.cpuGatewayMs) continue;
      ratios.cpu[key] = againstOurs(key, (m) => m.cpu?.gatewayMs ?? NaN);
    }
  }
  for (const key of keys) {
    if (!isPeer(key) || !gateways[key]) continue;
    ratios[key] = spread(
      rounds.map(
        (r) =>
          (r.gateways.ours?.load.requestsPerSecond ?? NaN) /
          (r.gateways[key]?.load.requestsPerSecond ?? NaN),
      ),
    );
  }
  return {
    gateways,
    floor: {
      requestsPerSecond: spread(rounds.map((r) => r.floor.load.requestsPerSecond)),
      singleP50: spread(rounds.map((r) => r.floor.single.p50Ms)),
    },
    ratios,
  };
}

export async function machine(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: rows[0].server_version,
  };
}

export interface Run {
  format?: number;
  timestamp: string;
  settings: Settings;
  results: CaseResult[];
}
