/** What the soak measures besides counts: memory across the run, and latency. */

export interface MemorySample {
  atMs: number;
  heapUsed: number;
  rss: number;
}

export interface MemoryGrowth {
  secondQuarterMb: number;
  lastQuarterMb: number;
  growthMb: number;
  growthPct: number;
}

export interface MemoryReport {
  samples: number;
  gcForced: boolean;
  /** Means in MB of the second and last quarters, growth in MB and % between them. */
  heapUsed: MemoryGrowth;
  rss: MemoryGrowth;
  /** heapUsed grew by at most 10 % or 5 MB. */
  flat: boolean;
  note: string;
}

export const MB = 1024 * 1024;

const mean = (values: number[]) =>
  values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : 0;

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The mean of the last quarter of the run against the mean of the second quarter (the first
 * quarter is warm-up: JIT, caches, connection pools).
 */
export function memoryReport(samples: MemorySample[], gcForced: boolean): MemoryReport {
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const second = samples.slice(quarter, 2 * quarter);
  const last = samples.slice(samples.length - quarter);
  const compare = (key: "heapUsed" | "rss"): MemoryGrowth => {
    const a = mean(second.map((s) => s[key])) / MB;
    const b = mean(last.map((s) => s[key])) / MB;
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

/** Latencies in 0.1 ms bins up to 60 s: exact enough, and constant memory however long the run. */
export class LatencyHistogram {
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
    return {
      p50: round(this.percentile(50)),
      p90: round(this.percentile(90)),
      p99: round(this.percentile(99)),
      max: round(this.max),
    };
  }
}
