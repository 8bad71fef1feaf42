// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { parseArgs } from "node:util";
import { runMispConnector } from "./misp/connector";
import { SHIPPED_GALAXY } from "./misp/galaxy";

const USAGE = `usage: npm run import:misp -- [PATH] [--dry-run] [--url URL] [--token TOKEN] [--progress N]
  Loads the MISP galaxy's threat actors (PATH: a galaxy directory or its threat-actor.json,
  ${SHIPPED_GALAXY} by default) through the gateway with an editor key
  (--token or ATTRIBUTION_GRAPH_TOKEN; URL from --url or ATTRIBUTION_GRAPH_URL).
  --dry-run reads the graph and prints what it would write, writing nothing.
  --progress N prints one progress line in N (1, every actor, by default); failures always.`;

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
      progress: { type: "string", default: "1" },
    },
  });
  if (positionals.length > 1) throw new Error(USAGE);
  const progressEvery = Number(values.progress);
  if (!Number.isInteger(progressEvery) || progressEvery < 1) {
    throw new Error(`--progress must be a whole number of at least 1, got "${values.progress}"`);
  }
  const dryRun = values["dry-run"];
  const report = await runMispConnector({
    path: positionals[0],
    client: { url: values.url, token: values.token },
    dryRun,
    log: console.log,
    progressEvery,
  });
  if (report.failed.length) process.exit(1);
}

// A GalaxyError's message lists every problem of the file; nothing was written.
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
