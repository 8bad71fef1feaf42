import "../platform/compile-cache";
import "reflect-metadata";
import { type ServiceProcesses, startServiceProcesses } from "../harness/process-federation";
import { DEFAULT_LIMITS } from "../gateway/limits";
import { UsageError, parseCommand, runCommand } from "../scripts/cli";
import { type BenchDatabase, openBenchDatabase } from "./database";
import { newIdentitySecret } from "./identity";
import { type GraphQLRequest, round, singleLatency, spread } from "./measure";
import { type PageFigures, pageLatency, startReader } from "./taxii-pages";

const USAGE = `usage: npm run bench:taxii -- [--statements N[,N...]] [--rounds R] [--pages P]
  [--iterations I] [--collection ALIAS] [--reader-per-minute M] [--reader-connections K]
  [--database-url URL]
  TAXII 2.1 pages of 100 through our gateway over the datasets \`npm run bench:data\` made
  (1,000 and 10,000 statements by default): single-request latency of objects and manifest pages
  (P pages a round, following \`next\`), every size in each of R interleaved rounds; and the p50
  of a GraphQL client (I requests) alone and while a TAXII reader pages at the rate limit
  (M requests a minute: RATE_LIMIT_PER_MINUTE's default; K pages at once at most, 1 by
  default). --database-url: one size only.`;

/** The plain GraphQL client: a page of statements with their issuers, one subgraph. */
const CLIENT_REQUEST: GraphQLRequest = {
  query: "{ statements(first: 20) { nodes { id title issuer { id name } } } }",
  variables: {},
};

interface Settings {
  sizes: number[];
  rounds: number;
  pages: number;
  iterations: number;
  collection: string;
  readerPerMinute: number;
  readerConnections: number;
  databaseUrl?: string;
}

/** A positive integer option at most `max`, or a usage error naming it. */
function count(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new UsageError(`--${name} must be an integer from 1 to ${max}, got "${value}"`);
  }
  return n;
}

function readSettings(): Settings {
  const text = { type: "string" } as const;
  const { values } = parseCommand(USAGE, {
    options: {
      statements: text,
      rounds: text,
      pages: text,
      iterations: text,
      collection: text,
      "reader-per-minute": text,
      "reader-connections": text,
      "database-url": text,
    },
  });
  const sizes = (values.statements ?? "1000,10000")
    .split(",")
    .map((n) => count(n.trim(), "statements", 0, 1_000_000));
  if (sizes.length > 5) throw new UsageError("--statements: at most 5 sizes");
  if (values["database-url"] && sizes.length > 1) {
    throw new UsageError("--database-url names one dataset: give one --statements size with it");
  }
  const collection = values.collection ?? "everything";
  if (!/^[a-z0-9-]{1,64}$/.test(collection)) {
    throw new UsageError(`--collection must be a collection alias or id, got "${collection}"`);
  }
  return {
    sizes,
    rounds: count(values.rounds, "rounds", 3, 50),
    pages: count(values.pages, "pages", 30, 1000),
    iterations: count(values.iterations, "iterations", 200, 10_000),
    collection,
    // Pages of 100 a minute at the default rate limit: each counts as 100 / TAXII_OBJECTS_PER_REQUEST.
    readerPerMinute: count(
      values["reader-per-minute"],
      "reader-per-minute",
      Math.floor(
        DEFAULT_LIMITS.rateLimitPerMinute / Math.ceil(100 / DEFAULT_LIMITS.taxiiObjectsPerRequest),
      ),
      60_000,
    ),
    // Fewer than the gateway's 8 admission slots per address, which the client shares.
    readerConnections: count(values["reader-connections"], "reader-connections", 1, 6),
    databaseUrl: values["database-url"],
  };
}

/** Figures of one size in one round. */
interface RoundFigures {
  objects: PageFigures;
  manifest: PageFigures;
  alone: number;
  withReader: number;
  readerPerSecond: number;
}

async function main() {
  const settings = readSettings();
  // One log line per request would measure the terminal.
  process.env.LOG_LEVEL ??= "warn";
  const databases: BenchDatabase[] = [];
  const federations: ServiceProcesses[] = [];
  const cleanUp = async () => {
    await Promise.all(federations.splice(0).map((f) => f.stop()));
    for (const database of databases.splice(0).reverse()) await database.stop();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    const first = await openBenchDatabase(settings.sizes[0], settings.databaseUrl, {
      mustExist: true,
    });
    databases.push(first);
    // The other sizes live on the same server (bench_<n>): checked, not started again.
    for (const size of settings.sizes.slice(1)) {
      const url = new URL(first.url);
      url.pathname = `/bench_${size}`;
      databases.push(await openBenchDatabase(size, url.toString(), { mustExist: true }));
    }
    const identitySecret = newIdentitySecret();
    for (const database of databases) {
      federations.push(
        await startServiceProcesses({
          databaseUrl: database.url,
          workers: 1,
          poolSize: 10,
          identitySecret,
          responseCacheMaxAge: 0,
        }),
      );
    }
    report(settings, await measure(settings, federations));
  } catch (error) {
    // A refused page (HTTP 500) is explained in the services' logs, which stop with them.
    for (const kept of federations.flatMap((f) => f.processes)) {
      const output = kept.output().trim();
      if (output) console.error(`${kept.child.spawnargs.at(-1)}:\n${output.slice(-3000)}`);
    }
    throw error;
  } finally {
    await cleanUp();
  }
}

/** Every size in every round, the order rotated each round so that a load spike hits all. */
async function measure(settings: Settings, federations: ServiceProcesses[]) {
  const figures = settings.sizes.map(() => [] as RoundFigures[]);
  for (let r = 0; r < settings.rounds; r += 1) {
    for (let k = 0; k < federations.length; k += 1) {
      const i = (k + r) % federations.length;
      const url = federations[i].gatewayUrl;
      const objects = await pageLatency(url, settings.collection, "objects", settings.pages);
      const manifest = await pageLatency(url, settings.collection, "manifest", settings.pages);
      // Alone first in even rounds, with the reader first in odd ones.
      let a = r % 2 === 0 ? await clientP50(url, settings.iterations) : NaN;
      const w = await withReader(url, settings);
      if (r % 2 === 1) a = await clientP50(url, settings.iterations);
      figures[i].push({
        objects,
        manifest,
        alone: a,
        withReader: w.p50,
        readerPerSecond: w.perSecond,
      });
      console.log(
        `round ${r + 1} at ${settings.sizes[i]}: objects p50 ${objects.p50Ms} ms, manifest p50 ${manifest.p50Ms} ms, client p50 ${a} ms alone, ${w.p50} ms with the reader`,
      );
    }
  }
  return figures;
}

/** The client's p50 while a reader pages objects at its rate; the reader's pages a second. */
async function withReader(url: string, settings: Settings) {
  const reader = startReader(
    url,
    settings.collection,
    settings.readerPerMinute,
    settings.readerConnections,
  );
  const p50 = await clientP50(url, settings.iterations).catch(async (error: unknown) => {
    await reader.stop().catch(() => undefined);
    throw error;
  });
  const read = await reader.stop();
  return { p50, perSecond: read.pages / read.seconds };
}

async function clientP50(url: string, iterations: number): Promise<number> {
  const figures = await singleLatency(url, CLIENT_REQUEST, iterations);
  if (figures.errors) throw new Error(`the GraphQL client got ${figures.errors} errors`);
  return figures.p50Ms;
}

const ms = (s: { median: number; min: number; max: number }) =>
  `${s.median} ms (${s.min}-${s.max})`;

/** The tables: medians over rounds, with the smallest and largest round in parentheses. */
function report(settings: Settings, figures: RoundFigures[][]) {
  const median = (rounds: RoundFigures[], pick: (f: RoundFigures) => number) =>
    spread(rounds.map(pick));
  const label = (n: number) => n.toLocaleString("en");
  console.log(
    `\nTAXII pages of 100 (collection ${settings.collection}), one request at a time: median of ${settings.rounds} rounds' p50 (min-max), ${settings.pages} pages a round`,
  );
  console.log(
    "| statements | objects p50 | objects p99 | manifest p50 | manifest p99 | objects a page |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const [i, rounds] of figures.entries()) {
    console.log(
      `| ${label(settings.sizes[i])} | ${ms(median(rounds, (f) => f.objects.p50Ms))} | ${ms(median(rounds, (f) => f.objects.p99Ms))} | ${ms(median(rounds, (f) => f.manifest.p50Ms))} | ${ms(median(rounds, (f) => f.manifest.p99Ms))} | ${rounds[0].objects.perPage} |`,
    );
  }
  const p50 = (i: number, pick: (f: RoundFigures) => number) => median(figures[i], pick).median;
  const last = figures.length - 1;
  if (last > 0) {
    const objects = p50(last, (f) => f.objects.p50Ms) / p50(0, (f) => f.objects.p50Ms);
    const manifest = p50(last, (f) => f.manifest.p50Ms) / p50(0, (f) => f.manifest.p50Ms);
    console.log(
      `\np50 at ${label(settings.sizes[last])} / at ${label(settings.sizes[0])}: objects ${objects.toFixed(2)}x, manifest ${manifest.toFixed(2)}x (target <= 1.5x)`,
    );
  }
  console.log(
    `objects page p50 at ${label(settings.sizes[last])}: ${p50(last, (f) => f.objects.p50Ms)} ms (target <= 50 ms at 100,000)`,
  );
  console.log(
    `\nGraphQL client p50 (${settings.iterations} requests, one at a time) alone and while a TAXII reader pages objects at ${settings.readerPerMinute} a minute, ${settings.readerConnections} page(s) at once at most`,
  );
  console.log("| statements | alone p50 | with the reader p50 | change | reader pages/s |");
  console.log("| ---: | ---: | ---: | ---: | ---: |");
  for (const [i, rounds] of figures.entries()) {
    const alone = median(rounds, (f) => f.alone);
    const withReader = median(rounds, (f) => f.withReader);
    const change = (withReader.median / alone.median - 1) * 100;
    console.log(
      `| ${label(settings.sizes[i])} | ${ms(alone)} | ${ms(withReader)} | ${change >= 0 ? "+" : ""}${change.toFixed(1)} % | ${round(median(rounds, (f) => f.readerPerSecond).median, 1)} |`,
    );
  }
  console.log("(target: the reader moves the client's p50 by at most 20 %)");
}

runCommand(USAGE, main);
