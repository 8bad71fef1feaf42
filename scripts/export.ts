// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { exportBundle } from "./bundle-io";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: {
        type: "string",
        default: process.env.ATTRIBUTION_GRAPH_URL ?? "http://127.0.0.1:4000/",
      },
      token: { type: "string", default: process.env.ATTRIBUTION_GRAPH_TOKEN },
    },
  });
  if (positionals.length !== 1) {
    throw new Error("usage: npm run export -- FILE [--url URL] [--token TOKEN]");
  }
  const bundle = await exportBundle({ url: values.url, token: values.token }, console.log);
  writeFileSync(positionals[0], `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(`wrote ${positionals[0]}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
