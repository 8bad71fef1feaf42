// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { readFileSync } from "node:fs";
import type { Bundle } from "../platform/bundle";
import { checkBundle, checkReferences, importBundle } from "./bundle-io";
import { GRAPH_USAGE, UsageError, parseGraphCommand, runCommand, sayGraph } from "./cli";

const USAGE = `usage: npm run import -- FILE [--dry-run] [--url URL] [--token TOKEN]
  Loads a bundle (data/README.md) through the gateway with an editor key
  (--token or ATTRIBUTION_GRAPH_TOKEN); --dry-run checks the file and writes nothing.
${GRAPH_USAGE}`;

async function main() {
  const { values, positionals, client } = parseGraphCommand(USAGE, process.env, {
    "dry-run": { type: "boolean", default: false },
  });
  if (positionals.length !== 1) throw new UsageError("one FILE to import");
  const [file] = positionals;
  let bundle: unknown;
  try {
    bundle = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problems = checkBundle(bundle);
  if (problems.length) refuse(file, problems);
  const counts = Object.entries(bundle as Bundle)
    .filter(([, v]) => Array.isArray(v))
    .map(([k, v]) => `${(v as unknown[]).length} ${k}`);
  if (values["dry-run"]) {
    sayGraph("checking references against", client);
    // Against the target graph too: a reference may name a record the graph already has.
    const dangling = await checkReferences(client, bundle as Bundle);
    if (dangling.length) refuse(file, dangling);
    console.log(`${file}: valid (${counts.join(", ")}); every reference resolves`);
    return console.log("dry run: nothing written");
  }
  console.log(`${file}: valid (${counts.join(", ")})`);
  if (!client.token)
    throw new Error("an editor API key is required: --token or ATTRIBUTION_GRAPH_TOKEN");
  sayGraph("writing to", client);
  const report = await importBundle(client, bundle as Bundle, console.log);
  if (report.refused.length) refuse(file, report.refused);
  console.log(
    `done: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed.length} failed`,
  );
  for (const { path, error } of report.failed) console.error(`  ${path}: ${error}`);
  if (report.failed.length) process.exit(1);
}

function refuse(file: string, problems: string[]): never {
  console.error(`${file}: ${problems.length} problem(s), nothing imported:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}

runCommand(USAGE, main);
