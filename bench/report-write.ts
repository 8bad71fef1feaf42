import { loadavg } from "node:os";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { projectPath } from "../platform/paths";
import type { BenchIds } from "./cases";
import { round } from "./measure";
import {
  type CaseResult,
  GATEWAYS,
  type GatewayKey,
  type GatewayStatus,
  type Settings,
  machine,
} from "./report";
import { cpuTable, latencyTable, table, targetsTable } from "./report-tables";

type Machine = Awaited<ReturnType<typeof machine>> & { loadAverageAtEnd: number[] };

/** The command line that repeats a run (defaults left out). */
function benchCommand(settings: Settings): string {
  return (
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
    (settings.nodeOptions ? ` --node-options="${settings.nodeOptions}"` : "")
  );
}

/** The gateways that did not run at all, then those left out of single queries. */
function notRunLines(status: Record<string, GatewayStatus>, results: CaseResult[]): string[] {
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
  return [
    ...(notRun.length ? ["", ...notRun] : []),
    ...(leftOut.length ? ["", ...leftOut.map((line) => `- ${line}`)] : []),
  ];
}

interface SectionInput {
  key: string;
  timestamp: string;
  command: string;
  file: string;
  machine: Machine;
  settings: Settings;
  status: Record<string, GatewayStatus>;
  results: CaseResult[];
}

/** The run's BENCHMARKS.md section, between its start and end markers. */
function benchmarksSection(input: SectionInput): string {
  const { key, timestamp, command, file, machine: m, settings, results } = input;
  return [
    `<!-- bench:${key}:start -->`,
    `### ${settings.statements.toLocaleString("en")} statements, ${settings.workers} worker${settings.workers === 1 ? "" : "s"} per service`,
    "",
    `${timestamp}; ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node.js ${m.node}, PostgreSQL ${m.postgres}; load average at the end ${m.loadAverageAtEnd.join(", ")};`,
    `${settings.rounds} interleaved rounds, ${settings.connections} connections, ${settings.duration} s per gateway, query and round, ${settings.singleRequests} single requests and ${settings.warmup} warm-up requests per gateway, pool of ${settings.poolSize} per subgraph worker;`,
    `\`${command}\` (results: \`bench/results/${file.split("/").at(-1)}\`).`,
    ...notRunLines(input.status, results),
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
}

/** Replaces (or adds) the run's section and the targets table in BENCHMARKS.md. */
async function updateBenchmarks(key: string, section: string) {
  const { format } = await import("prettier");
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

/** bench/results/<timestamp>.json, and the run's section of BENCHMARKS.md (replaced per size). */
export async function writeResults(
  settings: Settings,
  ids: BenchIds,
  status: Record<string, GatewayStatus>,
  results: CaseResult[],
  databaseUrl: string,
) {
  const timestamp = new Date().toISOString();
  const command = benchCommand(settings);
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
  const section = benchmarksSection({
    key,
    timestamp,
    command,
    file,
    machine: report.machine,
    settings,
    status,
    results,
  });
  console.log(
    `\n${table(results, settings.peers)}\n\n${latencyTable(results, settings.peers)}\n\n${cpuTable(results, settings.peers)}\n\nwrote ${file}`,
  );
  if (settings.only || settings.variant) return;
  await updateBenchmarks(key, section);
}
