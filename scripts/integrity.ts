import "../platform/compile-cache";
// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { graphIntegrity } from "./bundle-io";
import { GRAPH_USAGE, UsageError, parseGraphCommand, runCommand, sayGraph } from "./cli";

const USAGE = `usage: npm run integrity -- [--url URL] [--token TOKEN]
  Lists every reference in the graph that names a record it does not have (an attribution's
  incident, a legal action's related actor, ...): references across subgraphs are order-free.
${GRAPH_USAGE}`;

async function main() {
  const { positionals, client } = parseGraphCommand(USAGE, process.env, {});
  if (positionals.length) throw new UsageError("no FILE: it reads the graph");
  sayGraph("reading", client);
  const dangling = await graphIntegrity(client, console.log);
  if (!dangling.length) return console.log("every reference resolves");
  console.error(`${dangling.length} dangling reference(s):`);
  for (const line of dangling) console.error(`  ${line}`);
  process.exit(1);
}

runCommand(USAGE, main);
