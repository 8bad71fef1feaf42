import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";
import type { Pool } from "pg";
import { Agent, request as undiciRequest } from "undici";

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Socket errors, timeouts and non-2xx answers. */
  errors: number;
}

export interface LatencyFigures {
  p50Ms: number;
  p99Ms: number;
  iterations: number;
}

export interface GraphQLRequest {
  /** Absent when `extensions.persistedQuery` names a document the server already has. */
  query?: string;
  variables: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  /** An API key's token, sent as `Authorization: Bearer`, not in the body (the write case's). */
  token?: string;
}

/** The headers and JSON body of `request`. */
function httpParts({ token, ...body }: GraphQLRequest) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return { headers, body: JSON.stringify(body) };
}

/** POSTs one request; throws on an HTTP error or a GraphQL error. */
export async function post(url: string, request: GraphQLRequest): Promise<unknown> {
  const response = await fetch(url, { method: "POST", ...httpParts(request) });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!response.ok || body.errors) {
    throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(body.errors).slice(0, 500)}`);
  }
  return body.data;
}

/** autocannon from a worker thread (so it does not share the servers' event loop). */
export async function load(
  url: string,
  request: GraphQLRequest,
  options: { connections: number; duration?: number; amount?: number },
): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    method: "POST",
    ...httpParts(request),
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
    workers: 1,
    timeout: 30,
  });
  return {
    requestsPerSecond: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * One request at a time over one keep-alive connection, timed here to the microsecond
 * (autocannon reports whole milliseconds, too coarse for answers of 1-5 ms). Every answer must
 * be HTTP 200 without GraphQL errors.
 */
export async function singleLatency(
  url: string,
  request: GraphQLRequest,
  iterations: number,
): Promise<LatencyFigures & { errors: number }> {
  const agent = new Agent({ connections: 1, pipelining: 1 });
  const { headers, body } = httpParts(request);
  const once = async () => {
    const response = await undiciRequest(url, {
      method: "POST",
      headers,
      body,
      dispatcher: agent,
    });
    const text = await response.body.text();
    return response.statusCode === 200 && !text.includes('"errors"');
  };
  try {
    for (let i = 0; i < 10; i += 1) await once();
    const times: number[] = [];
    let errors = 0;
    for (let i = 0; i < iterations; i += 1) {
      const started = performance.now();
      if (!(await once())) errors += 1;
      times.push(performance.now() - started);
    }
    return { ...percentiles(times), iterations, errors };
  } finally {
    await agent.close();
  }
}

function percentiles(times: number[]) {
  times.sort((a, b) => a - b);
  const at = (p: number) => round(times[Math.min(times.length - 1, Math.floor(times.length * p))]);
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}

/** Median, minimum and maximum of the figures of several rounds. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN };
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median: round(median), min: round(sorted[0]), max: round(sorted.at(-1)!) };
}

/** The SQL floor one request at a time: latency percentiles over `iterations`. */
export async function floorLatency(
  pool: Pool,
  floor: (pool: Pool) => Promise<unknown>,
  iterations: number,
): Promise<LatencyFigures> {
  for (let i = 0; i < 20; i += 1) await floor(pool);
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    await floor(pool);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => round(times[Math.min(times.length - 1, Math.floor(times.length * p))]);
  return { p50Ms: at(0.5), p99Ms: at(0.99), iterations };
}

/** The SQL floor under load: `connections` loops sharing `total` iterations. */
export async function floorLoad(
  pool: Pool,
  floor: (pool: Pool) => Promise<unknown>,
  connections: number,
  total: number,
): Promise<LoadFigures> {
  const times: number[] = [];
  let remaining = total;
  let errors = 0;
  const started = performance.now();
  const loop = async () => {
    while (remaining > 0) {
      remaining -= 1;
      const begun = performance.now();
      await floor(pool).catch(() => (errors += 1));
      times.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (p: number) => round(times[Math.min(times.length - 1, Math.floor(times.length * p))]);
  return {
    requestsPerSecond: round(total / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    requests: total,
    errors,
  };
}

/**
 * Where two answers differ, as a path with both values ("data.incident.attributions.nodes[3].id:
 * ..."), or null when they hold the same data (object keys in any order, arrays in order).
 */
export function difference(a: unknown, b: unknown, path = "data"): string | null {
  const show = (value: unknown) => JSON.stringify(value)?.slice(0, 200);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      const found = difference(a[i], b[i], `${path}[${i}]`);
      if (found)
        return a.length === b.length ? found : `${path}: ${a.length} items, ${b.length}; ${found}`;
    }
    return null;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = difference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${show(a)} against ${show(b)}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** `items` rotated by `r`: round `r`'s order, so that a drifting machine hits each alike. */
export const rotated = <T>(items: readonly T[], r: number): T[] =>
  items.map((_, i) => items[(i + r) % items.length]);

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** The machine's busy CPU seconds (user, nice, system) since boot, from /proc/stat. */
export function machineSeconds(): number {
  const [user, nice, system] = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]
    .split(/ +/)
    .slice(1, 4);
  return (Number(user) + Number(nice) + Number(system)) / USER_HZ;
}

/**
 * CPU seconds (user + system) used so far by each group of processes and all their descendants
 * (node:cluster workers, a CLI's server child), from one read of /proc. Per request, this is
 * what a gateway costs the machine, steadier on a shared machine than req/s, which also
 * measures how long a process waited for a core.
 */
export function processCpuSeconds(...groups: number[][]): number[] {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command (which may hold spaces) in parentheses: state is field 3.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // exited meanwhile
    }
  }
  return groups.map((pids) => {
    const roots = new Set(pids);
    let ticks = 0;
    for (const [pid, stat] of stats) {
      for (let p = pid, hops = 0; p > 1 && hops < 10; p = stats.get(p)?.ppid ?? 0, hops += 1) {
        if (roots.has(p)) {
          ticks += stat.ticks;
          break;
        }
      }
    }
    return ticks / USER_HZ;
  });
}
