// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { parseArgs } from "node:util";
import { graphIntegrity } from "./bundle-io";

const USAGE = `usage: npm run integrity -- [--url URL] [--token TOKEN]
  Lists every reference in the graph that names a record it does not have (an attribution's
  incident, a legal action's related actor, ...): references across subgraphs are order-free.`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: {
        type: "string",
        default: process.env.ATTRIBUTION_GRAPH_URL ?? "http://127.0.0.1:4000/",
      },
      token: { type: "string", default: process.env.ATTRIBUTION_GRAPH_TOKEN },
    },
  });
  if (positionals.length) throw new Error(USAGE);
  const dangling = await graphIntegrity({ url: values.url, token: values.token }, console.log);
  if (!dangling.length) return console.log("every reference resolves");
  console.error(`${dangling.length} dangling reference(s):`);
  for (const line of dangling) console.error(`  ${line}`);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
