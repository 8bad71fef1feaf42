import { MB, type MemoryReport, type MemorySample, memoryReport } from "./measures";
import { type ErrorStats, type OperationStats, Tally, send } from "./tally";
import { type SoakRequest, SoakWorkload, soakDataset } from "./workload";

/*
 * The soak test: a fixed-concurrency mix of reads and writes (./workload.ts) against the whole
 * federation for a bounded time, then three checks. (1) No unexplained error: every GraphQL error,
 * non-2xx answer, socket error or timeout is counted by code, and only codes the caller declares
 * expected are explained (none by default). (2) No lost write: every write the gateway
 * acknowledged (CREATED, UPDATED or UNCHANGED) is read back through the gateway afterwards, in
 * the version acknowledged last. (3) Flat memory: heapUsed and rss sampled every second after a
 * forced GC, the last quarter of the run against the second (./measures.ts).
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

/** Runs the soak against `gatewayUrl` (loopback only), then verifies and reports. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  checkOptions(options);
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const gc = options.gc ?? (globalThis as { gc?: () => void }).gc;
  const workload = new SoakWorkload(await soakDataset());
  const tally = new Tally(new Set(options.expectedCodes ?? []));

  const timed = async (request: SoakRequest, token?: string) => {
    const started = performance.now();
    const outcome = await send(options.gatewayUrl, request, token, timeoutMs);
    tally.record(request.operation, performance.now() - started, outcome);
    return outcome;
  };
  const write = async () => {
    const request = workload.write();
    const outcome = await timed(request, options.editorToken);
    const payload = outcome.data?.upsertStatement as
      { action?: string; problems?: { code: string; message: string }[] } | undefined;
    const action = payload?.action;
    const acknowledged = workload.settle(request, outcome.ok ? action : undefined);
    if (acknowledged) {
      tally.acknowledged.total += 1;
      tally.acknowledged[acknowledged] += 1;
    } else if (outcome.ok) {
      const problem = payload?.problems?.[0];
      const detail = problem ? `: ${problem.code} ${problem.message}` : "";
      tally.countError("upsertStatement", "UNEXPECTED_ACTION", `action ${String(action)}${detail}`);
    }
  };

  const started = performance.now();
  const memory = sampleMemory(started, options.sampleEveryMs ?? 1000, gc);
  const progress = options.onProgress
    ? setInterval(
        () => options.onProgress!(progressOf(started, tally, memory.samples)),
        options.progressEveryMs ?? 10_000,
      )
    : undefined;
  const deadline = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      if (Math.random() < options.writeRatio) await write();
      else await timed(workload.read());
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    memory.stop();
    if (progress) clearInterval(progress);
  }
  const durationMs = performance.now() - started;

  const missing = await verifyWrites(options.gatewayUrl, workload);

  const unexplainedErrors = tally.unexplained();
  return {
    durationMs: Math.round(durationMs),
    concurrency: options.concurrency,
    writeRatio: options.writeRatio,
    requests: tally.requests,
    requestsPerSecond: Math.round(tally.requests / (durationMs / 1000)),
    latencyMs: tally.latency.summary(),
    operations: tally.operationStats(),
    errorsByCode: Object.fromEntries(tally.errorsByCode),
    unexplainedErrors,
    acknowledgedWrites: tally.acknowledged,
    statementsWritten: workload.writtenIds.length,
    verifiedPresent: workload.writtenIds.length - missing.length,
    missing,
    memory: memoryReport(memory.samples, Boolean(gc)),
    ok: unexplainedErrors === 0 && missing.length === 0,
  };
}

function checkOptions(options: SoakOptions) {
  const url = new URL(options.gatewayUrl);
  if (!LOOPBACK.has(url.hostname)) {
    throw new Error(`the soak runs on loopback only, not against ${url.hostname}`);
  }
  if (options.concurrency < 1) throw new Error("concurrency must be at least 1");
  if (options.writeRatio < 0 || options.writeRatio > 1) throw new Error("writeRatio: 0..1");
}

/** The figures so far, for the caller's progress line. */
function progressOf(started: number, tally: Tally, samples: MemorySample[]): SoakProgress {
  const elapsedMs = performance.now() - started;
  const last = samples[samples.length - 1];
  return {
    elapsedMs: Math.round(elapsedMs),
    requests: tally.requests,
    errors: tally.errors,
    acknowledgedWrites: tally.acknowledged.total,
    requestsPerSecond: Math.round(tally.requests / (elapsedMs / 1000)),
    heapUsedMb: last ? Math.round((last.heapUsed / MB) * 10) / 10 : 0,
    rssMb: last ? Math.round((last.rss / MB) * 10) / 10 : 0,
  };
}

/** Reads every acknowledged write back through the gateway: the statements missing or stale. */
async function verifyWrites(gatewayUrl: string, workload: SoakWorkload): Promise<string[]> {
  const missing: string[] = [];
  for (const { request, check } of workload.verification()) {
    const outcome = await send(gatewayUrl, request, undefined, 60_000);
    if (!outcome.ok) {
      throw new Error(`verification read failed: ${outcome.codes.join(", ")} ${outcome.message}`);
    }
    missing.push(...check(outcome.data));
  }
  return missing;
}

/** One sample every `everyMs` after a full GC (when `gc` is given); `stop` takes a last one. */
function sampleMemory(started: number, everyMs: number, gc: (() => void) | undefined) {
  const samples: MemorySample[] = [];
  const sample = () => {
    gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    samples.push({ atMs: Math.round(performance.now() - started), heapUsed, rss });
  };
  const timer = setInterval(sample, everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      sample();
    },
  };
}
