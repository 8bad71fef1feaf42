import "../../platform/compile-cache";
import "reflect-metadata";
import { loadavg } from "node:os";
import {
  createDatabase,
  databaseConfig,
  dropDatabase,
  openPostgresServer,
  prepareDatabase,
} from "../../harness/database";
import { type LocalFederation, startLocalFederation } from "../../harness/federation";
import { numberOption, parseOptions } from "../../harness/options";
import { exitOnHelp, runCommand } from "../../scripts/cli";
import { readBundles } from "../../services/dataset";
import { type SoakSettings, appendToBenchmarks, formatSoak } from "./report";
import { type SoakResult, runSoak } from "./runner";

const USAGE = `usage: npm run soak -- [--minutes N] [--concurrency C] [--write-ratio R]
  3 minutes, 16 requests in flight, 20 % writes by default (BENCHMARKS.md, Soak).`;

function settingsOf(argv: string[]): SoakSettings {
  exitOnHelp(argv, USAGE);
  const options = parseOptions(argv, ["minutes", "concurrency", "write-ratio"]);
  return {
    minutes: numberOption(options, "minutes", 3, [0.05, 24 * 60]),
    concurrency: Math.round(numberOption(options, "concurrency", 16, [1, 1000])),
    writeRatio: numberOption(options, "write-ratio", 0.2, [0, 1]),
  };
}

/** `npm run soak`: the soak against the whole federation in this process, over its own database. */
async function main() {
  process.env.LOG_LEVEL ??= "warn";
  const settings = settingsOf(process.argv.slice(2));
  const loadBefore = loadavg()[0];
  const log = (line: string) => console.log(`[soak] ${line}`);
  const server = await openPostgresServer("soak");
  log(`PostgreSQL: ${server.description}; its own database, dropped afterwards`);
  let databaseUrl: string | undefined;
  let federation: LocalFederation | undefined;
  let result: SoakResult | undefined;
  try {
    databaseUrl = await createDatabase(server.serverUrl, "soak");
    await prepareDatabase(
      databaseUrl,
      (await readBundles()).map(({ bundle }) => bundle),
    );
    federation = await startLocalFederation(databaseConfig(databaseUrl, { poolSize: 10 }), {
      production: true,
    });
    log(
      `federation (gateway + 3 subgraphs, one process) at ${federation.gatewayUrl}; ` +
        `${settings.minutes} min, concurrency ${settings.concurrency}, ` +
        `${Math.round(settings.writeRatio * 100)} % writes`,
    );
    result = await runSoak({
      gatewayUrl: federation.gatewayUrl,
      editorToken: await federation.token("editor"),
      durationMs: settings.minutes * 60_000,
      concurrency: settings.concurrency,
      writeRatio: settings.writeRatio,
      onProgress: (p) =>
        log(
          `${Math.round(p.elapsedMs / 1000)} s: ${p.requests} requests (${p.requestsPerSecond} req/s), ` +
            `${p.errors} errors, ${p.acknowledgedWrites} acknowledged writes, ` +
            `heapUsed ${p.heapUsedMb} MB, rss ${p.rssMb} MB`,
        ),
    });
    for (const line of formatSoak(result)) log(line);
  } finally {
    await federation?.stop();
    if (databaseUrl) await dropDatabase(server.serverUrl, databaseUrl).catch(() => undefined);
    await server.stop();
  }
  if (!result) throw new Error("the soak did not finish");
  await appendToBenchmarks(result, settings, loadBefore);
  log("figures appended to BENCHMARKS.md (section Soak)");
  if (!result.ok) process.exitCode = 1;
}

runCommand(USAGE, main);
