import { readFile, readdir } from "node:fs/promises";
import { projectPath } from "../platform/paths";
import type { Spread } from "./measure";
import { type CaseResult, GATEWAYS, type GatewayKey, type PeerKey, type Run } from "./report";

/** The markdown tables of a run (BENCHMARKS.md and the console) and issue 14's targets. */

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
