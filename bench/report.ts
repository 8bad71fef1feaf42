import { cpus, loadavg, totalmem } from "node:os";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { Client } from "pg";
import { projectPath } from "../platform/paths";
import type { BenchIds } from "./cases";
import { type LatencyFigures, type LoadFigures, type Spread, round, spread } from "./measure";

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
  statementsPerRequest: { ours: number; peer: number };
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

const show = (s: Spread | undefined, unit = "", digits = 2) =>
  !s || Number.isNaN(s.median)
    ? "-"
    : `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}-${s.max.toFixed(digits)})`;

function statusNote(result: CaseResult, key: GatewayKey): string {
  const status = result.status[key];
  return status && !status.ran ? "not run" : "-";
}

/** Throughput per gateway and the per-round ratios: median (min-max) over the rounds. */
export function table(results: CaseResult[], peers: PeerKey[]): string {
  const header = [
    "query",
    "SQL/req",
    "ours req/s",
    ...peers.map((p) => `${GATEWAYS[p]} req/s`),
    ...peers.map((p) => `ours/${GATEWAYS[p]}`),
    "ours p50 / p99 (loaded)",
    "err",
    ...(results.some((r) => r.summary.ratios.persisted) ? ["persisted/ours req/s"] : []),
    ...(results.some((r) => r.summary.ratios.variant)
      ? ["variant/ours req/s", "variant/ours 1-req p50"]
      : []),
  ];
  const lines = results.map((r) => {
    const s = r.summary;
    const errors = Object.values(s.gateways).reduce((sum, g) => sum + (g?.errors ?? 0), 0);
    return [
      r.name,
      r.statementsPerRequest.ours,
      show(s.gateways.ours?.requestsPerSecond, "", 0),
      ...peers.map((p) =>
        s.gateways[p] ? show(s.gateways[p].requestsPerSecond, "", 0) : statusNote(r, p),
      ),
      ...peers.map((p) => (s.ratios[p] ? show(s.ratios[p], "x") : statusNote(r, p))),
      `${s.gateways.ours?.p50Ms.median} / ${s.gateways.ours?.p99Ms.median} ms`,
      errors,
      ...(s.ratios.persisted ? [show(s.ratios.persisted, "x")] : []),
      ...(s.ratios.variant && s.ratios.variantSingle
        ? [show(s.ratios.variant, "x"), show(s.ratios.variantSingle, "x")]
        : []),
    ].join(" | ");
  });
  return markdownTable(header, lines);
}

/**
 * CPU per request under load, per gateway: its own process tree, then what it made the three
 * subgraphs spend; and each one's gateway CPU over ours, per round.
 */
export function cpuTable(results: CaseResult[], peers: PeerKey[]): string {
  const keys: GatewayKey[] = [
    "ours",
    ...(results.some((r) => r.summary.gateways.oursVariant) ? (["oursVariant"] as const) : []),
    ...peers,
  ];
  const header = [
    "query",
    ...keys.map((k) => `${GATEWAYS[k]} gateway CPU/req`),
    ...keys.map((k) => `subgraphs CPU/req via ${GATEWAYS[k]}`),
    ...keys.filter((k) => k !== "ours").map((k) => `${GATEWAYS[k]}/ours gateway CPU`),
  ];
  const lines = results.map((r) => {
    const s = r.summary;
    return [
      r.name,
      ...keys.map((k) => show(s.gateways[k]?.cpuGatewayMs, " ms", 2)),
      ...keys.map((k) => show(s.gateways[k]?.cpuSubgraphsMs, " ms", 2)),
      ...keys.filter((k) => k !== "ours").map((k) => show(s.ratios.cpu?.[k], "x")),
    ].join(" | ");
  });
  return markdownTable(header, lines);
}

/** Single-request latency (one connection, timed in the benchmark process). */
export function latencyTable(results: CaseResult[], peers: PeerKey[]): string {
  const header = [
    "query",
    "ours 1-req p50",
    ...peers.map((p) => `${GATEWAYS[p]} 1-req p50`),
    "floor 1-req p50",
    "ours/floor 1-req",
    "floor req/s",
    ...(results.some((r) => r.cached) ? ["cached req/s", "cached 1-req p50"] : []),
  ];
  const lines = results.map((r) => {
    const s = r.summary;
    return [
      r.name,
      show(s.gateways.ours?.singleP50, " ms"),
      ...peers.map((p) =>
        s.gateways[p] ? show(s.gateways[p].singleP50, " ms") : statusNote(r, p),
      ),
      show(s.floor.singleP50, " ms"),
      show(s.ratios.floorSingle, "x"),
      show(s.floor.requestsPerSecond, "", 0),
      ...(r.cached ? [r.cached.load.requestsPerSecond, `${r.cached.single.p50Ms} ms`] : []),
    ].join(" | ");
  });
  return markdownTable(header, lines);
}

function markdownTable(header: string[], lines: string[]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`,
    ...lines.map((line) => `| ${line} |`),
  ].join("\n");
}

export interface Run {
  format?: number;
  timestamp: string;
  settings: Settings;
  results: CaseResult[];
}

/** The latest full run (format 2, one worker) of each size in bench/results. */
export async function latestRuns(): Promise<Map<number, Run>> {
  const directory = projectPath("bench", "results");
  const latest = new Map<number, Run>();
  for (const file of (await readdir(directory)).filter((f) => f.endsWith(".json")).sort()) {
    const run = JSON.parse(await readFile(`${directory}/${file}`, "utf8")) as Run;
    if (run.format !== 2 || run.settings.only || run.settings.variant || run.settings.workers !== 1)
      continue;
    latest.set(run.settings.statements, run);
  }
  return latest;
}

/**
 * The targets of issue 14 per query and size: ours/Hive+Rust median ratio >= 1.0, ours/floor
 * single-request <= 3x, and the single-request p50 at the largest size within 1.5x of the one
 * at the smallest.
 */
export async function targetsTable(): Promise<string> {
  const latest = await latestRuns();
  const sizes = [...latest.keys()].sort((a, b) => a - b);
  if (sizes.length === 0) return "";
  const names = latest.get(sizes[0])!.results.map((r) => r.name);
  const at = (n: number, name: string) => latest.get(n)!.results.find((r) => r.name === name);
  const mark = (ok: boolean | undefined) => (ok === undefined ? "" : ok ? " ✓" : " ✗");
  const header = [
    "query",
    ...sizes.map((n) => `ours/Hive+Rust at ${n.toLocaleString("en")} (≥ 1.0)`),
    ...sizes.map((n) => `ours/floor 1-req at ${n.toLocaleString("en")} (≤ 3)`),
    ...(sizes.length > 1
      ? [
          `1-req p50 ${sizes.at(-1)!.toLocaleString("en")} / ${sizes[0].toLocaleString("en")} (≤ 1.5)`,
        ]
      : []),
  ];
  const lines = names.map((name) => {
    const ratio = (n: number) => at(n, name)?.summary.ratios.hiveRust?.median;
    const floor = (n: number) => at(n, name)?.summary.ratios.floorSingle.median;
    const p50 = (n: number) => at(n, name)?.summary.gateways.ours?.singleP50.median;
    const growth =
      sizes.length > 1 ? (p50(sizes.at(-1)!) ?? NaN) / (p50(sizes[0]) ?? NaN) : undefined;
    return [
      name,
      ...sizes.map((n) => {
        const v = ratio(n);
        return v === undefined ? "not run" : `${v.toFixed(2)}x${mark(v >= 1)}`;
      }),
      ...sizes.map((n) => {
        const v = floor(n);
        return v === undefined ? "-" : `${v.toFixed(2)}x${mark(v <= 3)}`;
      }),
      ...(growth === undefined ? [] : [`${growth.toFixed(2)}x${mark(growth <= 1.5)}`]),
    ].join(" | ");
  });
  return [
    markdownTable(header, lines),
    "",
    `Runs: ${sizes.map((n) => `${n.toLocaleString("en")} at ${latest.get(n)!.timestamp}`).join("; ")}.`,
  ].join("\n");
}

/** bench/results/<timestamp>.json, and the run's section of BENCHMARKS.md (replaced per size). */
export async function writeResults(
  settings: Settings,
  ids: BenchIds,
  status: Record<string, GatewayStatus>,
  results: CaseResult[],
  databaseUrl: string,
) {
  const timestamp = new Date().toISOString();
  const command =
    `npm run bench -- --statements ${settings.statements} --rounds ${settings.rounds}` +
    ` --duration ${settings.duration} --connections ${settings.connections}` +
    ` --workers ${settings.workers}` +
    (settings.singleRequests === 200 ? "" : ` --single ${settings.singleRequests}`) +
    (settings.warmup === 200 ? "" : ` --warmup ${settings.warmup}`) +
    (settings.poolSize === 10 ? "" : ` --pool-size ${settings.poolSize}`) +
    (settings.peers.length === 3 ? "" : ` --peers ${settings.peers.join(",") || "none"}`) +
    (settings.persisted ? " --persisted" : "") +
    (settings.cached ? " --cached" : "") +
    (settings.variant?.dir ? ` --variant ${settings.variant.dir}` : "") +
    (settings.variant?.nodeOptions
      ? ` --variant-node-options="${settings.variant.nodeOptions}"`
      : "") +
    (settings.nodeOptions ? ` --node-options="${settings.nodeOptions}"` : "");
  const key =
    settings.workers === 1
      ? `${settings.statements}`
      : `${settings.statements}-w${settings.workers}`;
  const load = loadavg().map((l) => round(l, 1));
  const report = {
    format: 2,
    timestamp,
    command,
    machine: { ...(await machine(databaseUrl)), loadAverageAtEnd: load },
    settings,
    ids,
    status,
    results,
  };
  const { format } = await import("prettier");
  const file = projectPath("bench", "results", `${timestamp.replace(/[:.]/g, "-")}.json`);
  await mkdir(projectPath("bench", "results"), { recursive: true });
  await writeFile(file, await format(JSON.stringify(report), { parser: "json" }));
  const m = report.machine;
  const notRun = Object.entries(status)
    .filter((entry): entry is [string, { ran: false; reason: string }] => !entry[1].ran)
    .map(([k, s]) => `**${GATEWAYS[k as GatewayKey]}: not run** (${s.reason})`);
  const leftOut = results.flatMap((r) =>
    Object.entries(r.status)
      .filter(([k, s]) => !s.ran && status[k]?.ran)
      .map(
        ([k, s]) =>
          `${GATEWAYS[k as GatewayKey]} on ${r.name}: ${(s as { reason: string }).reason}`,
      ),
  );
  const section = [
    `<!-- bench:${key}:start -->`,
    `### ${settings.statements.toLocaleString("en")} statements, ${settings.workers} worker${settings.workers === 1 ? "" : "s"} per service`,
    "",
    `${timestamp}; ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node.js ${m.node}, PostgreSQL ${m.postgres}; load average at the end ${load.join(", ")};`,
    `${settings.rounds} interleaved rounds, ${settings.connections} connections, ${settings.duration} s per gateway, query and round, ${settings.singleRequests} single requests and ${settings.warmup} warm-up requests per gateway, pool of ${settings.poolSize} per subgraph worker;`,
    `\`${command}\` (results: \`bench/results/${file.split("/").at(-1)}\`).`,
    ...(notRun.length ? ["", ...notRun] : []),
    ...(leftOut.length ? ["", ...leftOut.map((line) => `- ${line}`)] : []),
    "",
    "Throughput, median (min-max) over rounds; ratios computed per round:",
    "",
    table(results, settings.peers),
    "",
    "Single-request latency, median (min-max) over rounds:",
    "",
    latencyTable(results, settings.peers),
    "",
    "CPU per request under load (user + system from /proc, the gateway's process tree; then the three subgraphs' together), median (min-max) over rounds; ratios per round:",
    "",
    cpuTable(results, settings.peers),
    `<!-- bench:${key}:end -->`,
  ].join("\n");
  console.log(
    `\n${table(results, settings.peers)}\n\n${latencyTable(results, settings.peers)}\n\n${cpuTable(results, settings.peers)}\n\nwrote ${file}`,
  );
  if (settings.only || settings.variant) return;
  const path = projectPath("BENCHMARKS.md");
  const current = await readFile(path, "utf8").catch(
    () => "# Benchmarks\n\n<!-- bench:results -->\n",
  );
  const pattern = new RegExp(`<!-- bench:${key}:start -->[\\s\\S]*<!-- bench:${key}:end -->`);
  let updated = pattern.test(current)
    ? current.replace(pattern, section)
    : current.replace("<!-- bench:results -->", `${section}\n\n<!-- bench:results -->`);
  const targets = `<!-- bench:targets:start -->\n${await targetsTable()}\n<!-- bench:targets:end -->`;
  const targetsPattern = /<!-- bench:targets:start -->[\s\S]*<!-- bench:targets:end -->/;
  updated = targetsPattern.test(updated)
    ? updated.replace(targetsPattern, targets)
    : updated.replace("<!-- bench:results -->", `<!-- bench:results -->\n\n${targets}`);
  console.log(`\n${await targetsTable()}`);
  await writeFile(path, await format(updated, { parser: "markdown" }));
}
