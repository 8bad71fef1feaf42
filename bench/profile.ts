import "../platform/compile-cache";
import "reflect-metadata";
import { mkdir, readFile, readdir, rm } from "node:fs/promises";
import { Pool } from "pg";
import { SUPERGRAPH_PATH } from "../gateway/supergraph";
import { projectPath } from "../platform/paths";
import { benchCases, pickIds } from "./cases";
import { parseOptions, positiveInt } from "../harness/options";
import { openBenchDatabase } from "./database";
import { newIdentitySecret } from "./identity";
import { load, post } from "./measure";
import { startProcessFederation } from "./processes";
import { TaxiiPager } from "./taxii-pages";
import { unchangedWriteCase } from "./write-case";
import { exitOnHelp, runCommand } from "../scripts/cli";

const USAGE = `usage: npm run bench:profile -- [--statements N] [--query "incident story"] [--service gateway]
  [--duration S] [--connections C] [--taxii COLLECTION] [--database-url URL]
  Loads one service with one benchmark query ("unchanged write" included; or, with --taxii, one
  client paging that TAXII collection's objects by 100) under the V8 profiler and prints where
  its CPU time goes; the .cpuprofile stays in .data/profiles. Needs \`npm run bench:data\` first.`;

const OPTIONS = [
  "statements",
  "query",
  "service",
  "duration",
  "connections",
  "taxii",
  "database-url",
];

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * `npm run bench:profile -- [--statements N] [--query "incident story"] [--service gateway]
 *  [--duration S] [--connections C]`: loads one service with one benchmark query under the V8
 * profiler and prints where its CPU time goes (self time, top functions and packages). The
 * .cpuprofile stays in .data/profiles for Chrome DevTools.
 */
async function main() {
  exitOnHelp(process.argv.slice(2), USAGE);
  const options = parseOptions(process.argv.slice(2), OPTIONS);
  const statements = positiveInt(options, "statements", 10_000);
  const duration = positiveInt(options, "duration", 10);
  const connections = positiveInt(options, "connections", 10);
  const service = options.get("service") ?? "gateway";
  const queryName = options.get("query") ?? "incident story";
  const directory = projectPath(".data", "profiles", `${service}-${Date.now()}`);
  await mkdir(directory, { recursive: true });
  const database = await openBenchDatabase(statements, options.get("database-url"), {
    mustExist: true,
  });
  const pool = new Pool({ connectionString: database.url, max: 2 });
  try {
    const ids = await pickIds(pool);
    const benchCase = [
      ...benchCases(ids),
      await unchangedWriteCase(database.url, pool, ids.government),
    ].find((c) => c.name === queryName);
    if (!benchCase) throw new Error(`--query: no benchmark query named "${queryName}"`);
    const federation = await startProcessFederation({
      databaseUrl: database.url,
      workers: 1,
      poolSize: 10,
      identitySecret: newIdentitySecret(),
      responseCacheMaxAge: 0,
      peer: false,
      supergraphSdl: await readFile(SUPERGRAPH_PATH, "utf8"),
      nodeArgs: { [service]: ["--cpu-prof", `--cpu-prof-dir=${directory}`] },
    });
    const taxii = options.get("taxii");
    try {
      if (taxii) await pageFor(federation.gatewayUrl, taxii, duration);
      else {
        await benchCase.prepare?.((query, variables) =>
          post(federation.gatewayUrl, { query, variables }),
        );
        const { query, variables, token } = benchCase;
        const request = { query, variables, token };
        await post(federation.gatewayUrl, request); // throws on an error: profile answers only
        await load(federation.gatewayUrl, request, { connections, amount: 200 });
        const figures = await load(federation.gatewayUrl, request, { connections, duration });
        console.log(`${queryName}: ${figures.requestsPerSecond} req/s, p50 ${figures.p50Ms} ms`);
      }
    } finally {
      await federation.stop(); // the profile is written as the process exits
    }
    const [file] = await readdir(directory);
    if (!file) throw new Error(`${service}: no profile written (is it a service name?)`);
    const profile = JSON.parse(await readFile(`${directory}/${file}`, "utf8")) as CpuProfile;
    summarize(profile, service);
    console.log(`\nprofile: ${directory}/${file}`);
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  } finally {
    await pool.end();
    await database.stop();
  }
}

/** One TAXII client paging `collection`'s objects by 100 for `duration` seconds. */
async function pageFor(gatewayUrl: string, collection: string, duration: number) {
  const pager = new TaxiiPager(gatewayUrl, collection, "objects");
  try {
    const until = performance.now() + duration * 1000;
    let pages = 0;
    while (performance.now() < until) {
      await pager.page();
      pages += 1;
    }
    console.log(`taxii ${collection}: ${pages} pages in ${duration} s`);
  } finally {
    await pager.close();
  }
}

/** Self time by function and by package, largest first. */
function summarize(profile: CpuProfile, service: string) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { callFrame } = nodes.get(id)!;
    const micros = profile.timeDeltas[i] ?? 0;
    total += micros;
    const where = callFrame.url
      .replace(/^.*node_modules\//, "")
      .replace(/^file:\/\/.*\/dist\//, "");
    const name = `${callFrame.functionName || "(anonymous)"} ${where}:${callFrame.lineNumber}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    const pkg = callFrame.url.includes("node_modules/")
      ? where
          .split("/")
          .slice(0, where.startsWith("@") ? 2 : 1)
          .join("/")
      : callFrame.url.startsWith("file:")
        ? "(ours)"
        : callFrame.url.startsWith("node:")
          ? "(node)"
          : callFrame.functionName || "(native)";
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
  });
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `  ${((micros / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
      .join("\n");
  console.log(`\n${service}: ${(total / 1e6).toFixed(1)} s sampled; self time by function:`);
  console.log(top(byFunction, 25));
  console.log("\nby package:");
  console.log(top(byPackage, 15));
}

runCommand(USAGE, main);
