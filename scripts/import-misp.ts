import "../platform/compile-cache";
// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { runMispConnector } from "./misp/connector";
import { SHIPPED_GALAXY } from "./misp/galaxy";
import { GRAPH_USAGE, UsageError, connectorUsage, parseConnectorCommand, runCommand } from "./cli";

const USAGE = `usage: npm run import:misp -- [PATH] [--dry-run] [--url URL] [--token TOKEN] [--progress N]
  Loads the MISP galaxy's threat actors (PATH: a galaxy directory or its threat-actor.json,
  ${SHIPPED_GALAXY} by default) through the gateway with an editor key
  (--token or ATTRIBUTION_GRAPH_TOKEN).
${connectorUsage("actor")}
${GRAPH_USAGE}`;

async function main() {
  const { positionals, client, dryRun, progressEvery, announce } = parseConnectorCommand(
    USAGE,
    process.env,
    {},
  );
  if (positionals.length > 1) throw new UsageError("at most one PATH");
  announce();
  const report = await runMispConnector({
    path: positionals[0],
    client,
    dryRun,
    log: console.log,
    progressEvery,
  });
  if (report.failed.length) process.exit(1);
}

// A GalaxyError's message lists every problem of the file; nothing was written.
runCommand(USAGE, main);
