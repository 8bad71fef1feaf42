// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { runMispConnector } from "./misp/connector";
import { SHIPPED_GALAXY } from "./misp/galaxy";
import { UsageError, gatewayUrlFromEnv, graphUrl, parseCommand, runCommand } from "./cli";

const USAGE = `usage: npm run import:misp -- [PATH] [--dry-run] [--url URL] [--token TOKEN] [--progress N]
  Loads the MISP galaxy's threat actors (PATH: a galaxy directory or its threat-actor.json,
  ${SHIPPED_GALAXY} by default) through the gateway with an editor key
  (--token or ATTRIBUTION_GRAPH_TOKEN).
  --dry-run reads the graph and prints what it would write, writing nothing.
  --progress N prints one progress line in N (1, every actor, by default); failures always.
  The graph: --url, else ATTRIBUTION_GRAPH_URL, else HOST and GATEWAY_PORT as
  \`npm start\` listens (http://127.0.0.1:4000/ by default).`;

async function main() {
  const { values, positionals } = parseCommand(USAGE, {
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      url: { type: "string", default: gatewayUrlFromEnv(process.env) },
      token: { type: "string", default: process.env.ATTRIBUTION_GRAPH_TOKEN },
      progress: { type: "string", default: "1" },
    },
  });
  const url = graphUrl(values.url);
  if (positionals.length > 1) throw new UsageError("at most one PATH");
  const progressEvery = Number(values.progress);
  if (!Number.isInteger(progressEvery) || progressEvery < 1) {
    throw new UsageError(
      `--progress must be a whole number of at least 1, got "${values.progress}"`,
    );
  }
  const dryRun = values["dry-run"];
  console.log(`${dryRun ? "reading" : "writing to"} the graph at ${url}`);
  const report = await runMispConnector({
    path: positionals[0],
    client: { url, token: values.token },
    dryRun,
    log: console.log,
    progressEvery,
  });
  if (report.failed.length) process.exit(1);
}

// A GalaxyError's message lists every problem of the file; nothing was written.
runCommand(USAGE, main);
