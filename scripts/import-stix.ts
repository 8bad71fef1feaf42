import "../platform/compile-cache";
// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { runStixConnector } from "./stix-in/connector";
import { MAX_FILE_BYTES } from "./stix-in/read";
import { STATE_FILE } from "./stix-in/taxii";
import { GRAPH_USAGE, UsageError, connectorUsage, parseConnectorCommand, runCommand } from "./cli";

const USAGE = `usage: npm run import:stix -- FILE | TAXII-COLLECTION-URL [--token T] [--taxii-token T] [--dry-run] [--url URL] [--progress N] [--max-bytes N] [--state FILE]
  Reads a STIX 2.1 bundle file, or follows a TAXII 2.1 collection (.../collections/<id>/: every
  page, then only what was added since the last run, remembered in .data/stix-in-state.json),
  and writes intrusion sets and threat actors, campaigns, their attributed-to, states and this
  project's own records through the gateway with an editor key (--token or
  ATTRIBUTION_GRAPH_TOKEN).
  --taxii-token: the TAXII server's key, when it wants one.
${connectorUsage("record")}
  --state FILE: where each collection's last date_added is kept (${STATE_FILE}).
  --max-bytes N refuses a larger file (${MAX_FILE_BYTES} bytes, the most, by default).
${GRAPH_USAGE}`;

async function main() {
  const { values, positionals, client, dryRun, progressEvery, announce } = parseConnectorCommand(
    USAGE,
    process.env,
    {
      "taxii-token": { type: "string" },
      "max-bytes": { type: "string", default: String(MAX_FILE_BYTES) },
      state: { type: "string", default: STATE_FILE },
    },
  );
  if (positionals.length !== 1) throw new UsageError("one FILE or TAXII-COLLECTION-URL to read");
  const maxBytes = Number(values["max-bytes"]);
  if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_FILE_BYTES) {
    throw new UsageError(`--max-bytes must be a whole number from 1 to ${MAX_FILE_BYTES}`);
  }
  announce();
  const report = await runStixConnector({
    maxBytes,
    stateFile: values.state,
    source: positionals[0],
    client,
    taxiiToken: values["taxii-token"],
    dryRun,
    log: console.log,
    progressEvery,
  });
  if (report.failed.length) process.exit(1);
}

// A StixInputError is one line naming the file (or page) and what is wrong; nothing was written.
runCommand(USAGE, main);
