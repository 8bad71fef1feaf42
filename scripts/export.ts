import "../platform/compile-cache";
// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { once } from "node:events";
import { createWriteStream, writeFileSync } from "node:fs";
import { BUNDLE_FORMAT, type SourceEntry } from "../platform/bundle";
import { stixBundle, stixGraph } from "../stix/bundle";
import {
  type Execute,
  exportRecords,
  mergeSources,
  recordPages,
  sortedSources,
} from "../stix/read";
import { overHttp } from "./bundle-io";
import { GRAPH_USAGE, UsageError, parseGraphCommand, runCommand, sayGraph } from "./cli";

const USAGE = `usage: npm run export -- FILE [--format bundle|stix] [--url URL] [--token TOKEN]
  Writes the whole graph to FILE: the project's bundle format (data/README.md) or STIX 2.1.
${GRAPH_USAGE}`;

/**
 * The project's bundle format, written page by page as the records come: one page of records in
 * memory at a time (pages shrink under the gateway's byte budget), the sources last.
 */
async function writeBundle(execute: Execute, file: string) {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const sources: Record<string, SourceEntry> = {};
  let count = 0;
  await write(`{\n  "format": ${JSON.stringify(BUNDLE_FORMAT)}`);
  for await (const { kind, nodes, last } of recordPages(execute)) {
    if (count === 0) await write(`,\n  ${JSON.stringify(kind.key)}: [`);
    for (const { bundleRecord } of nodes) {
      const json = JSON.stringify(bundleRecord.record, null, 2).replace(/\n/g, "\n    ");
      await write(`${count ? "," : ""}\n    ${json}`);
      mergeSources(sources, bundleRecord.sources, console.log);
      count += 1;
    }
    if (last) {
      await write(count ? "\n  ]" : "]");
      console.log(`exported ${count} ${kind.key}`);
      count = 0;
    }
  }
  const sorted = JSON.stringify(sortedSources(sources), null, 2).replace(/\n/g, "\n  ");
  await write(`,\n  "sources": ${sorted}\n}\n`);
  out.end();
  await once(out, "finish");
}

async function main() {
  const { values, positionals, client } = parseGraphCommand(USAGE, process.env, {
    // bundle: the project's own format (data/README.md); stix: a STIX 2.1 bundle.
    format: { type: "string", default: "bundle" },
  });
  if (positionals.length !== 1) throw new UsageError("one FILE to write");
  if (values.format !== "bundle" && values.format !== "stix") {
    throw new UsageError(`--format must be bundle or stix, got "${values.format}"`);
  }
  sayGraph("reading", client);
  const execute = overHttp(client);
  if (values.format === "bundle") {
    await writeBundle(execute, positionals[0]);
  } else {
    // A STIX bundle needs every record at once: an object several records make is merged.
    const { bundle, stamps } = await exportRecords(execute, console.log);
    const graph = stixGraph(bundle, { stamps });
    const stix = stixBundle(graph.objects());
    console.log(`mapped to ${stix.objects.length} STIX 2.1 objects`);
    if (graph.omittedUrls) {
      console.log(`left out ${graph.omittedUrls} URLs that are no URI even escaped (RFC 3986)`);
    }
    writeFileSync(positionals[0], `${JSON.stringify(stix, null, 2)}\n`);
  }
  console.log(`wrote ${positionals[0]}`);
}

runCommand(USAGE, main);
