// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { runMispConnector } from "./misp/connector";
import { SHIPPED_GALAXY } from "./misp/galaxy";
import {
  GRAPH_USAGE,
  UsageError,
  parseGraphCommand,
  progressEvery,
  runCommand,
  sayGraph,
} from "./cli";

const USAGE = `usage: npm run import:misp -- [PATH] [--dry-run] [--url URL] [--token TOKEN] [--progress N]
  Loads the MISP galaxy's threat actors (PATH: a galaxy directory or its threat-actor.json,
  ${SHIPPED_GALAXY} by default) through the gateway with an editor key
  (--token or ATTRIBUTION_GRAPH_TOKEN).
  --dry-run reads the graph and prints what it would write, writing nothing.
  --progress N prints one progress line in N (1, every actor, by default); failures always.
${GRAPH_USAGE}`;

async function main() {
  const { values, positionals, client } = parseGraphCommand(USAGE, process.env, {
    "dry-run": { type: "boolean", default: false },
    progress: { type: "string", default: "1" },
  });
  if (positionals.length > 1) throw new UsageError("at most one PATH");
  const every = progressEvery(values.progress);
  const dryRun = values["dry-run"];
  sayGraph(dryRun ? "reading" : "writing to", client);
  const report = await runMispConnector({
    path: positionals[0],
    client,
    dryRun,
    log: console.log,
    progressEvery: every,
  });
  if (report.failed.length) process.exit(1);
}

// A GalaxyError's message lists every problem of the file; nothing was written.
runCommand(USAGE, main);
