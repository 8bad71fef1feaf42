import "../platform/compile-cache";
// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { BUNDLE_KEYS } from "../platform/bundle";
import { FileError, fileEntries } from "./bundle-file";
import { checkEntryReferences, importEntries } from "./bundle-io";
import { indexBundle, sourceProblems } from "./bundle-index";
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
  const entries = () => fileEntries(file);
  const index = await read(file, () => indexBundle(entries()));
  const problems = index.problemCount
    ? index.problems
    : await read(file, () => sourceProblems(entries, index, BUNDLE_KEYS));
  if (problems.length) refuse(file, problems, Math.max(index.problemCount, problems.length));
  const counts = [...index.counts].map(([key, count]) => `${count} ${key}`);
  if (values["dry-run"]) {
    sayGraph("checking references against", client);
    // Against the target graph too: a reference may name a record the graph already has.
    const dangling = await read(file, () => checkEntryReferences(client, entries, index));
    if (dangling.length) refuse(file, dangling);
    console.log(`${file}: valid (${counts.join(", ")}); every reference resolves`);
    return console.log("dry run: nothing written");
  }
  console.log(`${file}: valid (${counts.join(", ")})`);
  if (!client.token)
    throw new Error("an editor API key is required: --token or ATTRIBUTION_GRAPH_TOKEN");
  sayGraph("writing to", client);
  const report = await read(file, () => importEntries(client, entries, index, console.log));
  if (report.refused.length) refuse(file, report.refused);
  console.log(
    `done: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed.length} failed`,
  );
  for (const { path, error } of report.failed) console.error(`  ${path}: ${error}`);
  if (report.failed.length) process.exit(1);
}

/** Reads FILE (as a stream, more than once): a file that cannot be read is named. */
async function read<T>(file: string, reading: () => Promise<T>): Promise<T> {
  try {
    return await reading();
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    throw new Error(`${file}: ${error.message}`);
  }
}

function refuse(file: string, problems: string[], count = problems.length): never {
  console.error(`${file}: ${count} problem(s), nothing imported:`);
  for (const problem of problems) console.error(`  ${problem}`);
  if (count > problems.length) console.error(`  … and ${count - problems.length} more`);
  process.exit(1);
}

runCommand(USAGE, main);
