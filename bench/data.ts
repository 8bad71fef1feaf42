import "reflect-metadata";
import { redact } from "../services/common/env";
import { bulkLoad } from "../harness/bulk-load";
import { prepareDatabase } from "../harness/database";
import { generateDataset } from "../harness/generate";
import { parseOptions, positiveInt } from "../harness/options";
import { ensureDatabase, openBenchDatabase } from "./database";

/** `npm run bench:data -- --statements N [--database-url URL] [--seed S]` */
async function main() {
  const options = parseOptions(process.argv.slice(2), ["statements", "seed", "database-url"]);
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
    console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
