// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { parseArgs } from "node:util";
import { runMispConnector } from "./misp/connector";
import { GalaxyError, SHIPPED_GALAXY } from "./misp/galaxy";

const USAGE = `usage: npm run import:misp -- [PATH] [--dry-run] [--url URL] [--token TOKEN]
  Loads the MISP galaxy's threat actors (PATH: a galaxy directory or its threat-actor.json,
  ${SHIPPED_GALAXY} by default) through the gateway with an editor key
  (--token or ATTRIBUTION_GRAPH_TOKEN; URL from --url or ATTRIBUTION_GRAPH_URL).
  --dry-run reads the graph and prints what it would write, writing nothing.`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      url: {
        type: "string",
        default: process.env.ATTRIBUTION_GRAPH_URL ?? "http://127.0.0.1:4000/",
      },
      token: { type: "string", default: process.env.ATTRIBUTION_GRAPH_TOKEN },
    },
  });
  if (positionals.length > 1) throw new Error(USAGE);
  const dryRun = values["dry-run"];
  const report = await runMispConnector({
    path: positionals[0],
    client: { url: values.url, token: values.token },
    dryRun,
    log: console.log,
  });
  if (report.failed.length) process.exit(1);
}

main().catch((error: unknown) => {
  if (error instanceof GalaxyError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
