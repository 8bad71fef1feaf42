// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { toStixBundle } from "../stix/bundle";
import { exportBundle } from "./bundle-io";
import { UsageError, gatewayUrlFromEnv, graphUrl, parseCommand, runCommand } from "./cli";

const USAGE = `usage: npm run export -- FILE [--format bundle|stix] [--url URL] [--token TOKEN]
  Writes the whole graph to FILE: the project's bundle format (data/README.md) or STIX 2.1.
  The graph: --url, else ATTRIBUTION_GRAPH_URL, else HOST and GATEWAY_PORT as
  \`npm start\` listens (http://127.0.0.1:4000/ by default).`;

async function main() {
  const { values, positionals } = parseCommand(USAGE, {
    allowPositionals: true,
    options: {
      url: { type: "string", default: gatewayUrlFromEnv(process.env) },
      token: { type: "string", default: process.env.ATTRIBUTION_GRAPH_TOKEN },
      // bundle: the project's own format (data/README.md); stix: a STIX 2.1 bundle.
      format: { type: "string", default: "bundle" },
    },
  });
  const url = graphUrl(values.url);
  if (positionals.length !== 1) throw new UsageError("one FILE to write");
  if (values.format !== "bundle" && values.format !== "stix") {
    throw new UsageError(`--format must be bundle or stix, got "${values.format}"`);
  }
  console.log(`reading the graph at ${url}`);
  const bundle = await exportBundle({ url, token: values.token }, console.log);
  let output: object = bundle;
  if (values.format === "stix") {
    const stix = toStixBundle(bundle);
    console.log(`mapped to ${stix.objects.length} STIX 2.1 objects`);
    output = stix;
  }
  writeFileSync(positionals[0], `${JSON.stringify(output, null, 2)}\n`);
  console.log(`wrote ${positionals[0]}`);
}

runCommand(USAGE, main);
