import "../platform/compile-cache";
import "reflect-metadata";
import { redact } from "../platform/env";
import { bulkLoad } from "../harness/bulk-load";
import { prepareDatabase } from "../harness/database";
import { generateDataset } from "../harness/generate";
import { parseOptions, positiveInt } from "../harness/options";
import { startLocalFederation } from "../harness/federation";
import { runMispConnector } from "../scripts/misp/connector";
import { benchDatabaseConfig, ensureDatabase, openBenchDatabase } from "./database";
import { exitOnHelp, runCommand } from "../scripts/cli";

const USAGE = `usage: npm run bench:data -- [--statements N] [--database-url URL] [--seed S] [--without-misp]
  Generates the benchmark dataset of N statements (10,000 by default) in database bench_N of the
  embedded server in .data/bench (or --database-url), then loads the MISP galaxy into it.`;

const OPTIONS = ["statements", "seed", "database-url", "without-misp"];

/**
 * `npm run bench:data -- --statements N [--database-url URL] [--seed S] [--without-misp]`: the
 * synthetic dataset, then the MISP galaxy's actors through the connector (as npm start ships
 * them), so the benchmark reads a threat-actor table of the size users have.
 */
async function main() {
  exitOnHelp(process.argv.slice(2), USAGE);
  const options = parseOptions(process.argv.slice(2), OPTIONS);
  const statements = positiveInt(options, "statements", 10_000);
  const seed = positiveInt(options, "seed", 42);
  const database = await openBenchDatabase(statements, options.get("database-url"));
  try {
    const started = performance.now();
    await ensureDatabase(database.adminUrl, database.url, !options.has("database-url"));
    console.log(`database: ${redact(database.url)}`);
    await prepareDatabase(database.url);
    console.log(`generating ${statements} statements (seed ${seed})`);
    const dataset = generateDataset(statements, seed);
    console.log(`loading ${Object.values(dataset.sizes).reduce((a, b) => a + b, 0)} rows`);
    await bulkLoad(database.url, dataset, console.log);
    if (!options.has("without-misp")) await loadGalaxy(database.url);
    console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.stop();
  }
}

async function loadGalaxy(url: string) {
  console.log("loading the MISP galaxy through the connector");
  process.env.LOG_LEVEL ??= "warn";
  const federation = await startLocalFederation(benchDatabaseConfig(url));
  try {
    const token = await federation.token("editor");
    const report = await runMispConnector({
      client: { url: federation.gatewayUrl, token },
      dryRun: false,
      log: console.log,
      progressEvery: 200,
    });
    if (report.failed.length)
      throw new Error(`the galaxy load failed for ${report.failed.length} clusters`);
  } finally {
    await federation.stop();
  }
}

runCommand(USAGE, main);
