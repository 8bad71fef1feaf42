// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { stixBundle, stixGraph } from "../stix/bundle";
import { exportRecords } from "../stix/read";
import { overHttp } from "./bundle-io";

const USAGE = "usage: npm run export -- FILE [--format bundle|stix] [--url URL] [--token TOKEN]";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: {
        type: "string",
        default: process.env.ATTRIBUTION_GRAPH_URL ?? "http://127.0.0.1:4000/",
      },
      token: { type: "string", default: process.env.ATTRIBUTION_GRAPH_TOKEN },
      // bundle: the project's own format (data/README.md); stix: a STIX 2.1 bundle.
      format: { type: "string", default: "bundle" },
    },
  });
  if (positionals.length !== 1) throw new Error(USAGE);
  if (values.format !== "bundle" && values.format !== "stix") {
    throw new Error(`--format must be bundle or stix, got "${values.format}"\n${USAGE}`);
  }
  const client = overHttp({ url: values.url, token: values.token });
  const { bundle, stamps } = await exportRecords(client, console.log);
  let output: object = bundle;
  if (values.format === "stix") {
    const graph = stixGraph(bundle, { stamps });
    const stix = stixBundle(graph.objects());
    console.log(`mapped to ${stix.objects.length} STIX 2.1 objects`);
    if (graph.omittedUrls) {
      console.log(`left out ${graph.omittedUrls} URLs that are no URI even escaped (RFC 3986)`);
    }
    output = stix;
  }
  writeFileSync(positionals[0], `${JSON.stringify(output, null, 2)}\n`);
  console.log(`wrote ${positionals[0]}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
