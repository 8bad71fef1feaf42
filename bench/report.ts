import { cpus, totalmem } from "node:os";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { Client } from "pg";
import { projectPath } from "../services/common/paths";
import type { BenchIds } from "./cases";
import type { LatencyFigures, LoadFigures } from "./measure";

export interface Settings {
  statements: number;
  duration: number;
  connections: number;
  poolSize: number;
  /** node:cluster workers per service, the same for both gateways. */
  workers: number;
  /** Also measure our gateway with its response cache on (reported separately). */
  cached: boolean;
  /** NODE_OPTIONS of every service process. */
  nodeOptions?: string;
  only?: string[];
}

interface Side {
  load: LoadFigures;
  single: LatencyFigures;
}

export interface CaseResult {
  name: string;
  kind: string;
  responseBytes: number;
  /** Ours, the peer gateway and the SQL floor returned the same data (a run stops otherwise). */
  sameAnswer: boolean;
  statementsPerRequest: { ours: number; peer: number };
  ours: Side;
  peer: Side;
  floor: Side;
  /** Our gateway with the response cache on: anonymous repeats of one query. */
  cached?: Side;
  ratios?: {
    oursOverPeerThroughput: number;
    oursOverFloorLatency: number;
    oursOverFloorThroughput: number;
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

export function table(results: CaseResult[]): string {
  const header = [
    "query",
    "SQL/req",
    "ours req/s",
    "ours p50",
    "ours p99",
    "err",
    "peer req/s",
    "peer p50",
    "peer p99",
    "floor req/s",
    "ours 1-req p50",
    "floor 1-req p50",
    "ours/peer req/s",
    "ours/floor 1-req",
    ...(results.some((r) => r.cached) ? ["cached req/s", "cached 1-req p50"] : []),
  ];
  const lines = results.map((r) =>
    [
      r.name,
      r.statementsPerRequest.ours,
      r.ours.load.requestsPerSecond,
      `${r.ours.load.p50Ms} ms`,
      `${r.ours.load.p99Ms} ms`,
      r.ours.load.errors + r.peer.load.errors,
      r.peer.load.requestsPerSecond,
      `${r.peer.load.p50Ms} ms`,
      `${r.peer.load.p99Ms} ms`,
      r.floor.load.requestsPerSecond,
      `${r.ours.single.p50Ms} ms`,
      `${r.floor.single.p50Ms} ms`,
      `${r.ratios?.oursOverPeerThroughput}x`,
      `${r.ratios?.oursOverFloorLatency}x`,
      ...(r.cached ? [r.cached.load.requestsPerSecond, `${r.cached.single.p50Ms} ms`] : []),
    ].join(" | "),
  );
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`,
    ...lines.map((line) => `| ${line} |`),
  ].join("\n");
}

/** bench/results/<timestamp>.json, and the run's section of BENCHMARKS.md (replaced per size). */
export async function writeResults(
  settings: Settings,
  ids: BenchIds,
  results: CaseResult[],
  databaseUrl: string,
) {
  const timestamp = new Date().toISOString();
  const command =
    `npm run bench -- --statements ${settings.statements} --duration ${settings.duration}` +
    ` --connections ${settings.connections} --workers ${settings.workers}` +
    (settings.poolSize === 10 ? "" : ` --pool-size ${settings.poolSize}`) +
    (settings.cached ? " --cached" : "") +
    (settings.nodeOptions ? ` --node-options="${settings.nodeOptions}"` : "");
  const key =
    settings.workers === 1
      ? `${settings.statements}`
      : `${settings.statements}-w${settings.workers}`;
  const report = {
    timestamp,
    command,
    machine: await machine(databaseUrl),
    settings,
    ids,
    results,
  };
  const { format } = await import("prettier");
  const file = projectPath("bench", "results", `${timestamp.replace(/[:.]/g, "-")}.json`);
  await mkdir(projectPath("bench", "results"), { recursive: true });
  await writeFile(file, await format(JSON.stringify(report), { parser: "json" }));
  const m = report.machine;
  const section = [
    `<!-- bench:${key}:start -->`,
    `### ${settings.statements.toLocaleString("en")} statements, ${settings.workers} worker${settings.workers === 1 ? "" : "s"} per service`,
    "",
    `${timestamp}; ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node.js ${m.node}, PostgreSQL ${m.postgres};`,
    `${settings.connections} connections, ${settings.duration} s per gateway and query, pool of ${settings.poolSize} per subgraph worker;`,
    `\`${command}\` (results: \`bench/results/${file.split("/").at(-1)}\`).`,
    "",
    table(results),
    `<!-- bench:${key}:end -->`,
  ].join("\n");
  console.log(`\n${table(results)}\n\nwrote ${file}`);
  if (settings.only) return;
  const path = projectPath("BENCHMARKS.md");
  const current = await readFile(path, "utf8").catch(
    () => "# Benchmarks\n\n<!-- bench:results -->\n",
  );
  const pattern = new RegExp(`<!-- bench:${key}:start -->[\\s\\S]*<!-- bench:${key}:end -->`);
  const updated = pattern.test(current)
    ? current.replace(pattern, section)
    : current.replace("<!-- bench:results -->", `${section}\n\n<!-- bench:results -->`);
  await writeFile(path, await format(updated, { parser: "markdown" }));
}
