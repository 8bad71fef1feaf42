import "reflect-metadata";
import { mkdirSync, mkdtempSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import type { RunningFederation } from "../gateway/federation";
import type { DatabaseConfig } from "../services/common/database";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../services/common/embedded-postgres";
import { projectPath } from "../services/common/paths";
import { readBundles } from "../services/dataset";
import {
  ACTOR_STORY,
  GOVERNMENT_STORY,
  INCIDENT_STORY,
  SEARCH_STORY,
} from "../harness/queries/cross-source";
import { createDatabase, dropDatabase, prepareDatabase } from "../harness/database";
import { startLocalFederation } from "../harness/federation";

/*
 * The soak test: a fixed-concurrency mix of reads and writes against the whole federation for a
 * bounded time, then three checks. (1) No unexplained error: every GraphQL error, non-2xx answer,
 * socket error or timeout is counted by code, and only codes the caller declares expected are
 * explained (none by default). (2) No lost write: every write the gateway acknowledged (CREATED,
 * UPDATED or UNCHANGED) is read back through the gateway afterwards, in the version acknowledged
 * last. (3) Flat memory: heapUsed and rss sampled every second after a forced GC; the mean of the
 * last quarter of the run is compared with the mean of the second quarter (the first quarter is
 * warm-up: JIT, caches, connection pools).
 *
 * The workload stays the same from the first minute to the last so that a drift is the service's,
 * not the mix's: new statements attribute a few "write target" incidents, with a "write target"
 * state and no actor, and the story reads (whose attribution lists are unbounded) use the other
 * incidents and governments. The runner's own bookkeeping is bounded too (a latency histogram,
 * counters, and one small entry per written statement), because in the in-process federation the
 * load generator, the gateway and the three subgraphs share one Node.js process.
 */

export interface SoakOptions {
  gatewayUrl: string;
  /** An editor key's token: writes need it; reads go anonymously. */
  editorToken: string;
  durationMs: number;
  /** Requests in flight at any time. */
  concurrency: number;
  /** Share of requests that are writes, 0..1. */
  writeRatio: number;
  onProgress?: (progress: SoakProgress) => void;
  /** Every this many ms (10 s). */
  progressEveryMs?: number;
  /** Error codes that are expected (explained); all others fail the soak. None by default. */
  expectedCodes?: string[];
  /** Per-request timeout (30 s); a timeout counts as error code TIMEOUT. */
  requestTimeoutMs?: number;
  /** Forces a full GC before each memory sample (default `global.gc`, set by --expose-gc). */
  gc?: () => void;
  /** Memory sampling period (1 s). */
  sampleEveryMs?: number;
}

export interface SoakProgress {
  elapsedMs: number;
  requests: number;
  errors: number;
  acknowledgedWrites: number;
  requestsPerSecond: number;
  heapUsedMb: number;
  rssMb: number;
}

export interface OperationStats {
  requests: number;
  errors: number;
  meanMs: number;
}

export interface ErrorStats {
  count: number;
  expected: boolean;
  /** The first few messages seen with this code. */
  examples: string[];
}

export interface MemorySample {
  atMs: number;
  heapUsed: number;
  rss: number;
}

export interface MemoryReport {
  samples: number;
  gcForced: boolean;
  /** Means in MB of the second and last quarters, growth in MB and % between them. */
  heapUsed: { secondQuarterMb: number; lastQuarterMb: number; growthMb: number; growthPct: number };
  rss: { secondQuarterMb: number; lastQuarterMb: number; growthMb: number; growthPct: number };
  /** heapUsed grew by at most 10 % or 5 MB. */
  flat: boolean;
  note: string;
}

export interface SoakResult {
  durationMs: number;
  concurrency: number;
  writeRatio: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  operations: Record<string, OperationStats>;
  errorsByCode: Record<string, ErrorStats>;
  unexplainedErrors: number;
  acknowledgedWrites: { total: number; created: number; updated: number; unchanged: number };
  /** Distinct statements with at least one acknowledged write. */
  statementsWritten: number;
  verifiedPresent: number;
  /** Acknowledged statements missing, or holding an older version than acknowledged. */
  missing: string[];
  memory: MemoryReport;
  ok: boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const MB = 1024 * 1024;

/** Latencies in 0.1 ms bins up to 60 s: exact enough, and constant memory however long the run. */
class LatencyHistogram {
  private readonly bins = new Uint32Array(600_000);
  private count = 0;
  private max = 0;

  record(ms: number) {
    this.bins[Math.min(this.bins.length - 1, Math.floor(ms * 10))] += 1;
    this.count += 1;
    this.max = Math.max(this.max, ms);
  }

  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.bins.length; i += 1) {
      seen += this.bins[i];
      if (seen >= rank) return Math.min((i + 1) / 10, this.max);
    }
    return this.max;
  }

  summary() {
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      p50: round(this.percentile(50)),
      p90: round(this.percentile(90)),
      p99: round(this.percentile(99)),
      max: round(this.max),
    };
  }
}

/** What the soak reads and writes, taken from the shipped dataset (data/*.json). */
export interface SoakDataset {
  readIncidents: string[];
  readGovernments: string[];
  actors: string[];
  writeIncidents: string[];
  writeState: string;
  issuers: string[];
}

export async function soakDataset(): Promise<SoakDataset> {
  const bundles = (await readBundles()).map(({ bundle }) => bundle);
  const ids = (key: "incidents" | "governments" | "threatActors") =>
    bundles.flatMap((bundle) => (bundle[key] ?? []).map((record) => record.id)).sort();
  const incidents = ids("incidents");
  const governments = ids("governments");
  if (incidents.length < 4 || governments.length < 4) throw new Error("dataset too small");
  // Write targets: three incidents and one state never read by the story queries (the last ones
  // by id, which leaves the README's Exchange story among the reads).
  const writeIncidents = incidents.slice(-3);
  const writeState = governments[governments.length - 1];
  return {
    readIncidents: incidents.filter((id) => !writeIncidents.includes(id)),
    readGovernments: governments.filter((id) => id !== writeState),
    actors: ids("threatActors"),
    writeIncidents,
    writeState,
    issuers: ["us", "gb", "eu", "fr", "de", "au"].filter((id) => governments.includes(id)),
  };
}

const SEARCH_TEXTS = ["piratage", "hacking", "ransomware", "espionage", "indictment", "sanctions"];
const ACTOR_SEARCHES = ["leviathan", "bronze mohawk", "lazarus", "sandworm", "fancy bear"];

const STATEMENT_LIST = /* GraphQL */ `
  query SoakStatementList($first: Int) {
    statements(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        issuedAt {
          value
        }
        issuer {
          id
          name
        }
      }
    }
  }
`;

const INCIDENT_LIST = /* GraphQL */ `
  query SoakIncidentList {
    incidents(first: 20) {
      nodes {
        id
        name
        suspectedActors {
          nodes {
            id
            name
          }
        }
      }
    }
    legalActions(first: 20) {
      nodes {
        id
        title
        kind
      }
    }
  }
`;

const ACTOR_SEARCH = /* GraphQL */ `
  query SoakActorSearch($text: String!) {
    threatActors(filter: { text: $text }, first: 10) {
      nodes {
        id
        name
        sponsorState {
          id
          name
        }
      }
    }
  }
`;

const STATEMENT_READ = /* GraphQL */ `
  query SoakStatement($id: ID!) {
    statement(id: $id) {
      id
      title
      attributions {
        nodes {
          id
          incident {
            id
            name
          }
        }
      }
    }
  }
`;

const VERIFY = /* GraphQL */ `
  query SoakVerify($ids: [ID!], $first: Int) {
    statements(filter: { ids: $ids }, first: $first) {
      nodes {
        id
        title
        attributions {
          nodes {
            id
            incident {
              id
            }
          }
        }
      }
    }
  }
`;

const UPSERT_STATEMENT = /* GraphQL */ `
  mutation SoakUpsert($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) {
      action
      statement {
        id
      }
    }
  }
`;

const SOURCES = [
  {
    key: "soak-source",
    url: "https://example.org/soak",
    title: "Soak test",
    publisher: "attribution-graph soak test",
    language: "en",
  },
];

interface Outcome {
  ok: boolean;
  codes: string[];
  message?: string;
  data?: Record<string, unknown>;
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
  timeoutMs: number,
): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const err = error as Error & { cause?: { code?: string } };
    if (err.name === "TimeoutError") return { ok: false, codes: ["TIMEOUT"], message: err.message };
    return {
      ok: false,
      codes: [`NETWORK_${err.cause?.code ?? err.name}`],
      message: `${err.message}${err.cause ? `: ${String(err.cause)}` : ""}`,
    };
  }
  let body: GraphQLBody;
  try {
    body = (await response.json()) as GraphQLBody;
  } catch (error) {
    const err = error as Error;
    const code = err.name === "TimeoutError" ? "TIMEOUT" : `HTTP_${response.status}`;
    return { ok: false, codes: [code], message: err.message };
  }
  if (body.errors?.length) {
    const codes = [...new Set(body.errors.map((e) => e.extensions?.code ?? "NO_CODE"))];
    return { ok: false, codes, message: body.errors[0].message };
  }
  if (!response.ok || !body.data) {
    return { ok: false, codes: [`HTTP_${response.status}`], message: "no data" };
  }
  return { ok: true, codes: [], data: body.data };
}

/** A statement the soak wrote: `acked` is the last version acknowledged, `attempted` the last sent. */
interface Written {
  acked: number;
  attempted: number;
  incident: string;
  busy: boolean;
}

function statementInput(
  runId: string,
  n: number,
  version: number,
  incident: string,
  dataset: SoakDataset,
) {
  const id = `soak-${runId}-${n}`;
  return {
    id,
    kind: "PRESS_STATEMENT",
    issuedAt: `2024-${String((n % 12) + 1).padStart(2, "0")}`,
    issuer: dataset.issuers[n % dataset.issuers.length],
    language: "en",
    title: `Soak ${runId} statement ${n} v${version}`,
    quotes: [
      {
        text: `Soak statement ${n}, version ${version}: we assess with high confidence.`,
        language: "en",
      },
    ],
    attributions: [
      {
        id: `${id}-a`,
        incident,
        state: dataset.writeState,
        kind: "FORMAL",
        confidenceWording: "with high confidence",
        confidenceLevel: "HIGH",
        confidenceScore: version % 101,
      },
    ],
    sources: ["soak-source"],
  };
}

const mean = (values: number[]) =>
  values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : 0;

export function memoryReport(samples: MemorySample[], gcForced: boolean): MemoryReport {
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const second = samples.slice(quarter, 2 * quarter);
  const last = samples.slice(samples.length - quarter);
  const compare = (key: "heapUsed" | "rss") => {
    const a = mean(second.map((s) => s[key])) / MB;
    const b = mean(last.map((s) => s[key])) / MB;
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      secondQuarterMb: round(a),
      lastQuarterMb: round(b),
      growthMb: round(b - a),
      growthPct: a > 0 ? round(((b - a) / a) * 100) : 0,
    };
  };
  const heapUsed = compare("heapUsed");
  const rss = compare("rss");
  return {
    samples: samples.length,
    gcForced,
    heapUsed,
    rss,
    flat: heapUsed.growthPct <= 10 || heapUsed.growthMb <= 5,
    note:
      "one process: the in-process federation runs the gateway, the three subgraphs and this " +
      "load generator in the same Node.js process, so its memory is the memory of every service" +
      (gcForced ? "" : "; no forced GC (run node with --expose-gc), so samples include garbage"),
  };
}

/** Runs the soak against `gatewayUrl` (loopback only), then verifies and reports. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const url = new URL(options.gatewayUrl);
  if (!LOOPBACK.has(url.hostname)) {
    throw new Error(`the soak runs on loopback only, not against ${url.hostname}`);
  }
  if (options.concurrency < 1) throw new Error("concurrency must be at least 1");
  if (options.writeRatio < 0 || options.writeRatio > 1) throw new Error("writeRatio: 0..1");
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const expected = new Set(options.expectedCodes ?? []);
  const gc = options.gc ?? (globalThis as { gc?: () => void }).gc;
  const dataset = await soakDataset();
  const runId = Date.now().toString(36);

  const latency = new LatencyHistogram();
  const operations = new Map<string, { requests: number; errors: number; totalMs: number }>();
  const errorsByCode = new Map<string, ErrorStats>();
  const acknowledged = { total: 0, created: 0, updated: 0, unchanged: 0 };
  const written = new Map<number, Written>();
  const writtenIds: number[] = [];
  let requests = 0;
  let errors = 0;
  let nextStatement = 0;

  const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];

  const countError = (operation: string, code: string, message: string | undefined) => {
    const stats = errorsByCode.get(code) ?? {
      count: 0,
      expected: expected.has(code),
      examples: [],
    };
    stats.count += 1;
    if (stats.examples.length < 3) stats.examples.push(`${operation}: ${message}`);
    errorsByCode.set(code, stats);
  };

  const record = (operation: string, ms: number, outcome: Outcome) => {
    requests += 1;
    latency.record(ms);
    const op = operations.get(operation) ?? { requests: 0, errors: 0, totalMs: 0 };
    op.requests += 1;
    op.totalMs += ms;
    if (!outcome.ok) {
      errors += 1;
      op.errors += 1;
      for (const code of outcome.codes) countError(operation, code, outcome.message);
    }
    operations.set(operation, op);
  };

  const timed = async (
    operation: string,
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ) => {
    const started = performance.now();
    const outcome = await post(options.gatewayUrl, query, variables, token, timeoutMs);
    record(operation, performance.now() - started, outcome);
    return outcome;
  };

  const write = async () => {
    // Half new statements, half re-upserts of acknowledged ones (never two writes of one
    // statement in flight, so that the last acknowledged version is the one that must be stored).
    let n = -1;
    let entry: Written | undefined;
    if (writtenIds.length && Math.random() < 0.5) {
      const candidate = pick(writtenIds);
      if (!written.get(candidate)!.busy) {
        n = candidate;
        entry = written.get(candidate)!;
      }
    }
    if (!entry) {
      n = nextStatement++;
      entry = { acked: 0, attempted: 0, incident: pick(dataset.writeIncidents), busy: false };
      written.set(n, entry);
    }
    // A re-upsert either re-sends the acknowledged version (UNCHANGED) or a new one (UPDATED).
    const version = entry.acked > 0 && Math.random() < 0.5 ? entry.acked : entry.attempted + 1;
    entry.busy = true;
    entry.attempted = Math.max(entry.attempted, version);
    const outcome = await timed(
      entry.acked > 0 ? "re-upsert statement" : "upsert new statement",
      UPSERT_STATEMENT,
      { input: statementInput(runId, n, version, entry.incident, dataset), sources: SOURCES },
      options.editorToken,
    );
    entry.busy = false;
    const action = (outcome.data?.upsertStatement as { action?: string } | undefined)?.action;
    if (outcome.ok && (action === "CREATED" || action === "UPDATED" || action === "UNCHANGED")) {
      if (entry.acked === 0) writtenIds.push(n);
      entry.acked = version;
      acknowledged.total += 1;
      acknowledged[action.toLowerCase() as "created" | "updated" | "unchanged"] += 1;
    } else if (outcome.ok) {
      countError("upsertStatement", "UNEXPECTED_ACTION", `action ${String(action)}`);
    }
  };

  const reads: [number, () => Promise<unknown>][] = [
    [3, () => timed("incident story", INCIDENT_STORY, { id: pick(dataset.readIncidents) })],
    [2, () => timed("government story", GOVERNMENT_STORY, { id: pick(dataset.readGovernments) })],
    [2, () => timed("actor story", ACTOR_STORY, { id: pick(dataset.actors) })],
    [2, () => timed("search story", SEARCH_STORY, { text: pick(SEARCH_TEXTS), first: 10 })],
    [1, () => timed("statement list", STATEMENT_LIST, { first: 20 })],
    [1, () => timed("incident and legal action lists", INCIDENT_LIST, {})],
    [1, () => timed("actor search", ACTOR_SEARCH, { text: pick(ACTOR_SEARCHES) })],
    [
      1,
      () =>
        writtenIds.length
          ? timed("read own write", STATEMENT_READ, {
              id: `soak-${runId}-${pick(writtenIds)}`,
            })
          : timed("statement list", STATEMENT_LIST, { first: 5 }),
    ],
  ];
  const readWeight = reads.reduce((sum, [weight]) => sum + weight, 0);
  const read = () => {
    let r = Math.random() * readWeight;
    for (const [weight, run] of reads) {
      if ((r -= weight) < 0) return run();
    }
    return reads[0][1]();
  };

  // Memory: one sample a second after a full GC.
  const samples: MemorySample[] = [];
  const started = performance.now();
  const sample = () => {
    gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    samples.push({ atMs: Math.round(performance.now() - started), heapUsed, rss });
  };
  const sampler = setInterval(sample, options.sampleEveryMs ?? 1000);
  const progress = options.onProgress
    ? setInterval(() => {
        const elapsedMs = performance.now() - started;
        const last = samples[samples.length - 1];
        options.onProgress!({
          elapsedMs: Math.round(elapsedMs),
          requests,
          errors,
          acknowledgedWrites: acknowledged.total,
          requestsPerSecond: Math.round(requests / (elapsedMs / 1000)),
          heapUsedMb: last ? Math.round((last.heapUsed / MB) * 10) / 10 : 0,
          rssMb: last ? Math.round((last.rss / MB) * 10) / 10 : 0,
        });
      }, options.progressEveryMs ?? 10_000)
    : undefined;

  const deadline = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      if (Math.random() < options.writeRatio) await write();
      else await read();
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    clearInterval(sampler);
    if (progress) clearInterval(progress);
  }
  const durationMs = performance.now() - started;
  sample();

  // Every acknowledged write, read back through the gateway, 100 at a time.
  const missing: string[] = [];
  let verifiedPresent = 0;
  const toVerify = writtenIds.slice();
  for (let i = 0; i < toVerify.length; i += 100) {
    const page = toVerify.slice(i, i + 100);
    const ids = page.map((n) => `soak-${runId}-${n}`);
    const outcome = await post(options.gatewayUrl, VERIFY, { ids, first: 100 }, undefined, 60_000);
    if (!outcome.ok) {
      throw new Error(`verification read failed: ${outcome.codes.join(", ")} ${outcome.message}`);
    }
    const nodes = (
      outcome.data!.statements as {
        nodes: {
          id: string;
          title: string;
          attributions: { nodes: { id: string; incident: { id: string } }[] };
        }[];
      }
    ).nodes;
    const byId = new Map(nodes.map((node) => [node.id, node]));
    for (const n of page) {
      const id = `soak-${runId}-${n}`;
      const entry = written.get(n)!;
      const node = byId.get(id);
      const version = Number(/ v(\d+)$/.exec(node?.title ?? "")?.[1] ?? 0);
      const attributed = node?.attributions.nodes.some(
        (a) => a.id === `${id}-a` && a.incident.id === entry.incident,
      );
      // A write that failed after the last acknowledged one may or may not have committed.
      if (node && attributed && version >= entry.acked && version <= entry.attempted) {
        verifiedPresent += 1;
      } else {
        missing.push(
          node
            ? `${id}: version ${version}, acknowledged ${entry.acked}, attribution ${attributed ? "ok" : "missing"}`
            : `${id}: not found`,
        );
      }
    }
  }

  const unexplainedErrors = [...errorsByCode.values()]
    .filter((stats) => !stats.expected)
    .reduce((sum, stats) => sum + stats.count, 0);
  const memory = memoryReport(samples, Boolean(gc));
  return {
    durationMs: Math.round(durationMs),
    concurrency: options.concurrency,
    writeRatio: options.writeRatio,
    requests,
    requestsPerSecond: Math.round(requests / (durationMs / 1000)),
    latencyMs: latency.summary(),
    operations: Object.fromEntries(
      [...operations].map(([name, op]) => [
        name,
        {
          requests: op.requests,
          errors: op.errors,
          meanMs: Math.round((op.totalMs / Math.max(op.requests, 1)) * 10) / 10,
        },
      ]),
    ),
    errorsByCode: Object.fromEntries(errorsByCode),
    unexplainedErrors,
    acknowledgedWrites: acknowledged,
    statementsWritten: writtenIds.length,
    verifiedPresent,
    missing,
    memory,
    ok: unexplainedErrors === 0 && missing.length === 0,
  };
}

/** The summary as printed by `npm run soak`. */
export function formatSoak(result: SoakResult): string[] {
  const m = result.memory;
  const errors = Object.entries(result.errorsByCode);
  return [
    `requests: ${result.requests} in ${(result.durationMs / 1000).toFixed(1)} s ` +
      `(${result.requestsPerSecond} req/s, concurrency ${result.concurrency}, ` +
      `${Math.round(result.writeRatio * 100)} % writes)`,
    `latency: p50 ${result.latencyMs.p50} ms, p90 ${result.latencyMs.p90} ms, ` +
      `p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`,
    ...Object.entries(result.operations).map(
      ([name, op]) =>
        `  ${name}: ${op.requests} requests, ${op.errors} errors, mean ${op.meanMs} ms`,
    ),
    `errors by code: ${
      errors.length
        ? errors
            .map(
              ([code, s]) =>
                `${code} ${s.count}${s.expected ? " (expected)" : " (UNEXPLAINED)"} e.g. ${s.examples[0]}`,
            )
            .join("; ")
        : "none"
    }`,
    `unexplained errors: ${result.unexplainedErrors}`,
    `acknowledged writes: ${result.acknowledgedWrites.total} (created ${result.acknowledgedWrites.created}, ` +
      `updated ${result.acknowledgedWrites.updated}, unchanged ${result.acknowledgedWrites.unchanged}) ` +
      `over ${result.statementsWritten} statements`,
    `verified present (last acknowledged version, read back through the gateway): ` +
      `${result.verifiedPresent}/${result.statementsWritten}` +
      (result.missing.length ? `; MISSING: ${result.missing.slice(0, 10).join("; ")}` : ""),
    `memory (${m.samples} samples, GC forced: ${m.gcForced ? "yes" : "no"}): heapUsed ` +
      `${m.heapUsed.secondQuarterMb} MB -> ${m.heapUsed.lastQuarterMb} MB ` +
      `(${signed(m.heapUsed.growthMb)} MB, ${signed(m.heapUsed.growthPct)} %), rss ` +
      `${m.rss.secondQuarterMb} MB -> ${m.rss.lastQuarterMb} MB ` +
      `(${signed(m.rss.growthMb)} MB, ${signed(m.rss.growthPct)} %), ` +
      `second quarter -> last quarter: ${m.flat ? "flat" : "GROWING"}`,
    `memory note: ${m.note}`,
    result.ok ? "soak: OK" : "soak: FAILED",
  ];
}

const signed = (n: number) => (n >= 0 ? `+${n}` : String(n));

// ---------------------------------------------------------------------------------------------
// `npm run soak -- [--minutes N] [--concurrency C] [--write-ratio R]`

const USAGE = "usage: npm run soak -- [--minutes N] [--concurrency C] [--write-ratio R]";

function parseArgs(argv: string[]) {
  if (argv.includes("--help")) return undefined;
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    if (!argv[i].startsWith("--") || argv[i + 1] === undefined) {
      throw new Error(USAGE);
    }
    options.set(argv[i].slice(2), argv[i + 1]);
    i += 1;
  }
  const number = (name: string, fallback: number, min: number, max: number) => {
    const raw = options.get(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new Error(`--${name}: expected a number in ${min}..${max}, got ${raw}`);
    }
    return value;
  };
  for (const name of options.keys()) {
    if (!["minutes", "concurrency", "write-ratio"].includes(name)) {
      throw new Error(`unknown option --${name}`);
    }
  }
  return {
    minutes: number("minutes", 3, 0.05, 24 * 60),
    concurrency: Math.round(number("concurrency", 16, 1, 1000)),
    writeRatio: number("write-ratio", 0.2, 0, 1),
  };
}

async function main() {
  process.env.LOG_LEVEL ??= "warn";
  const settings = parseArgs(process.argv.slice(2));
  if (!settings) {
    console.log(
      `${USAGE}\n\n3 minutes, 16 requests in flight, 20 % writes by default (BENCHMARKS.md, Soak).`,
    );
    return;
  }
  const loadBefore = loadavg()[0];
  const log = (line: string) => console.log(`[soak] ${line}`);

  let embedded: EmbeddedDatabase | undefined;
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
    log(`PostgreSQL: the server of DATABASE_URL (own database, dropped afterwards)`);
  } else {
    mkdirSync(projectPath(".data"), { recursive: true });
    const dataDir = mkdtempSync(join(projectPath(".data"), "soak-"));
    embedded = await startEmbeddedPostgres({ dataDir, persistent: false });
    serverUrl = `${embedded.serverUrl}/postgres`;
    log(`PostgreSQL: embedded, in ${dataDir} (deleted afterwards)`);
  }
  let databaseUrl: string | undefined;
  let federation: RunningFederation | undefined;
  let result: SoakResult | undefined;
  try {
    databaseUrl = await createDatabase(serverUrl, "soak");
    await prepareDatabase(
      databaseUrl,
      (await readBundles()).map(({ bundle }) => bundle),
    );
    const database: DatabaseConfig = {
      url: databaseUrl,
      poolSize: 10,
      statementTimeoutMs: 10_000,
      connectTimeoutMs: 5_000,
    };
    federation = await startLocalFederation(database, { production: true });
    const { token } = await federation.keys.create("soak editor", "editor");
    log(
      `federation (gateway + 3 subgraphs, one process) at ${federation.gatewayUrl}; ` +
        `${settings.minutes} min, concurrency ${settings.concurrency}, ` +
        `${Math.round(settings.writeRatio * 100)} % writes`,
    );
    result = await runSoak({
      gatewayUrl: federation.gatewayUrl,
      editorToken: token,
      durationMs: settings.minutes * 60_000,
      concurrency: settings.concurrency,
      writeRatio: settings.writeRatio,
      onProgress: (p) =>
        log(
          `${Math.round(p.elapsedMs / 1000)} s: ${p.requests} requests (${p.requestsPerSecond} req/s), ` +
            `${p.errors} errors, ${p.acknowledgedWrites} acknowledged writes, ` +
            `heapUsed ${p.heapUsedMb} MB, rss ${p.rssMb} MB`,
        ),
    });
    for (const line of formatSoak(result)) log(line);
  } finally {
    await federation?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl).catch(() => undefined);
    await embedded?.stop();
  }
  if (!result) throw new Error("the soak did not finish");
  await appendToBenchmarks(result, settings, loadBefore);
  log("figures appended to BENCHMARKS.md (section Soak)");
  if (!result.ok) process.exitCode = 1;
}

const SOAK_HEADING = "## Soak";

const SOAK_INTRO = `${SOAK_HEADING}

\`npm run soak -- [--minutes N] [--concurrency C] [--write-ratio R]\` (3 minutes, 16 requests in
flight, 20 % writes by default; \`bench/soak.ts\`) starts an embedded PostgreSQL (or creates and
drops its own database on the server of \`DATABASE_URL\`), loads the shipped dataset, starts the
whole federation in one process (production mode; the per-key rate limit lifted) and, on loopback,
keeps a fixed number of requests in flight for the given time: the four cross-source queries with
ids from the dataset, lists, text searches, reads of its own writes, and \`upsertStatement\` writes
with an editor key (new statements each attributing an existing incident, half of them re-sent
unchanged or updated later). Afterwards it checks that no error occurred (every error is counted
by code and none is expected), that every acknowledged write (CREATED, UPDATED or UNCHANGED) reads
back through the gateway in the version acknowledged last (\`statements(filter: { ids })\`, 100 at
a time), and reports memory: \`heapUsed\` and \`rss\` after a forced GC every second, the mean of
the last quarter of the run against the mean of the second quarter. The gateway, the three
subgraphs and the load generator share one Node.js process, so that process's memory is the
memory of every service. It exits non-zero on any unexplained error or missing write.
\`test/soak.test.ts\` runs the same checks for 10 seconds in the test suite.

Each run appends one entry below.
`;

async function appendToBenchmarks(
  result: SoakResult,
  settings: { minutes: number; concurrency: number; writeRatio: number },
  loadBefore: number,
) {
  const path = projectPath("BENCHMARKS.md");
  let text = "";
  try {
    text = await readFile(path, "utf8");
  } catch {
    text = "# Benchmarks\n";
  }
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const args = process.argv.slice(2).join(" ");
  const entry = [
    `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Command: \`npm run soak${args ? ` -- ${args}` : ""}\` (${settings.minutes} min, ` +
      `concurrency ${settings.concurrency}, ${Math.round(settings.writeRatio * 100)} % writes). ` +
      `Machine: ${availableParallelism()} CPUs (nproc; ${cpu}), ` +
      `${(totalmem() / 1024 ** 3).toFixed(1)} GiB memory, Node.js ${process.version}, ` +
      `PostgreSQL ${process.env.DATABASE_URL ? "of DATABASE_URL" : "embedded"}; 1-minute load ` +
      `average ${loadBefore.toFixed(1)} when the run started (above 0: other processes shared the CPUs).`,
    "",
    "```text",
    ...formatSoak(result),
    "```",
    "",
  ].join("\n");
  const start = text.indexOf(`\n${SOAK_HEADING}\n`);
  if (start < 0) {
    text = `${text.trimEnd()}\n\n${SOAK_INTRO}\n${entry}`;
  } else {
    // Insert at the end of the Soak section: before the next "## " heading, or at the end.
    const next = text.indexOf("\n## ", start + SOAK_HEADING.length + 1);
    const end = next < 0 ? text.length : next + 1;
    const before = text.slice(0, end).trimEnd();
    text = `${before}\n\n${entry}${next < 0 ? "" : `\n${text.slice(end)}`}`;
  }
  await writeFile(path, text.endsWith("\n") ? text : `${text}\n`);
}

// Run as a script (node dist/bench/soak.js), not when imported by the test.
if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
