import "../platform/compile-cache";
import "reflect-metadata";
import { readFile } from "node:fs/promises";
import { Pool } from "pg";
import { SUPERGRAPH_PATH } from "../gateway/supergraph";
import { type BenchCase, benchCases, pickIds } from "./cases";
import { openBenchDatabase } from "./database";
import { newIdentitySecret } from "./identity";
import { endPool } from "../harness/bulk-load";
import { load } from "./measure";
import type { CaseResult, Settings } from "./report";
import { writeResults } from "./report-write";
import { unchangedWriteCase } from "./write-case";
import { measureCase, measureOne } from "./run/case";
import { checkInProcess } from "./run/check";
import {
  type Running,
  type StartFederation,
  federationStarter,
  startOurs,
  startPeers,
  stopGateways,
} from "./run/gateways";
import { readSettings } from "./run/settings";
import { exitOnHelp, runCommand } from "../scripts/cli";

const USAGE = `usage: npm run bench -- [--statements N] [--rounds R] [--duration S] [--connections C]
  [--single N] [--warmup N] [--persisted] [--workers W] [--pool-size P]
  [--peers hive,hiveRust,grafbase|none] [--cached] [--only "a,b"] [--database-url URL]
  [--node-options="..."] [--variant DIR] [--variant-node-options="..."]
  Measures our gateway and its peers over the dataset \`npm run bench:data\` made
  (10,000 statements by default; BENCHMARKS.md).`;

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
  exitOnHelp(process.argv.slice(2), USAGE);
  const { settings, databaseUrl } = readSettings(process.argv.slice(2));
  // One log line per request and subgraph call would measure the terminal; the peers log nothing.
  process.env.LOG_LEVEL ??= "warn";
  const database = await openBenchDatabase(settings.statements, databaseUrl, { mustExist: true });
  const pool = new Pool({ connectionString: database.url, max: settings.connections });
  const running: Running = { peers: [] };
  const cleanUp = async () => {
    await stopGateways(running);
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
    await run(settings, database.url, pool, running);
  } finally {
    await cleanUp();
  }
}

/** The check in one process, the interleaved rounds per query, the cached run, the report. */
async function run(settings: Settings, databaseUrl: string, pool: Pool, running: Running) {
  // One secret for the run: every subgraph checks, and every signing gateway signs, with it.
  const identitySecret = newIdentitySecret();
  const ids = await pickIds(pool);
  console.log(`dataset: ${settings.statements} statements; ids: ${JSON.stringify(ids)}`);
  const all = [...benchCases(ids), await unchangedWriteCase(databaseUrl, pool, ids.government)];
  const cases = all.filter((c) => !settings.only || settings.only.includes(c.name));
  const supergraphSdl = await readFile(SUPERGRAPH_PATH, "utf8");
  const checked = await checkInProcess(
    cases,
    databaseUrl,
    pool,
    settings,
    identitySecret,
    supergraphSdl,
  );
  const start = await federationStarter(settings, databaseUrl, identitySecret, supergraphSdl);
  const gateways = await startOurs(start, settings, running);
  await startPeers(gateways, settings, running, { supergraphSdl, identitySecret });
  const results: CaseResult[] = [];
  for (const benchCase of cases) {
    results.push(
      await measureCase(benchCase, checked.get(benchCase.name)!, gateways, pool, settings),
    );
  }
  await stopGateways(running);
  if (settings.cached) await measureCached(start, cases, results, settings, running);
  await writeResults(settings, ids, gateways.status, results, databaseUrl);
}

/** `--cached`: ours alone with its response cache on, each query warmed, then measured. */
async function measureCached(
  start: StartFederation,
  cases: BenchCase[],
  results: CaseResult[],
  settings: Settings,
  running: Running,
) {
  const processes = await start(false, 300);
  running.processes = processes;
  for (const [i, benchCase] of cases.entries()) {
    const request = {
      query: benchCase.query,
      variables: benchCase.variables,
      token: benchCase.token,
    };
    await load(processes.gatewayUrl, request, {
      connections: settings.connections,
      amount: 200,
    });
    results[i].cached = await measureOne(processes.gatewayUrl, request, settings);
  }
  await processes.stop();
  running.processes = undefined;
}

runCommand(USAGE, main);
