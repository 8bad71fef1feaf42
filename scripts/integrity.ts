// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { graphIntegrity } from "./bundle-io";
import { UsageError, gatewayUrlFromEnv, graphUrl, parseCommand, runCommand } from "./cli";

const USAGE = `usage: npm run integrity -- [--url URL] [--token TOKEN]
  Lists every reference in the graph that names a record it does not have (an attribution's
  incident, a legal action's related actor, ...): references across subgraphs are order-free.
  The graph: --url, else ATTRIBUTION_GRAPH_URL, else HOST and GATEWAY_PORT as
  \`npm start\` listens (http://127.0.0.1:4000/ by default).`;

async function main() {
  const { values, positionals } = parseCommand(USAGE, {
    allowPositionals: true,
    options: {
      url: { type: "string", default: gatewayUrlFromEnv(process.env) },
      token: { type: "string", default: process.env.ATTRIBUTION_GRAPH_TOKEN },
    },
  });
  const url = graphUrl(values.url);
  if (positionals.length) throw new UsageError("no FILE: it reads the graph");
  console.log(`reading the graph at ${url}`);
  const dangling = await graphIntegrity({ url, token: values.token }, console.log);
  if (!dangling.length) return console.log("every reference resolves");
  console.error(`${dangling.length} dangling reference(s):`);
  for (const line of dangling) console.error(`  ${line}`);
  process.exit(1);
}

runCommand(USAGE, main);
