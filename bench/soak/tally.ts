import { NotJsonError, postGraphQL } from "../../scripts/graphql-client";
import { LatencyHistogram } from "./measures";
import type { SoakRequest } from "./workload";

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

export interface Outcome {
  ok: boolean;
  codes: string[];
  message?: string;
  data?: Record<string, unknown>;
}

/** One request through the harness's client, its failure as error codes. */
export async function send(
  url: string,
  { query, variables }: SoakRequest,
  token: string | undefined,
  timeoutMs: number,
): Promise<Outcome> {
  try {
    const answer = await postGraphQL(url, { query, variables }, { token, timeoutMs });
    if (answer.errors?.length) {
      const codes = [...new Set(answer.errors.map((e) => e.extensions?.code ?? "NO_CODE"))];
      return { ok: false, codes, message: answer.errors[0].message };
    }
    if (answer.status < 200 || answer.status > 299 || !answer.data) {
      return { ok: false, codes: [`HTTP_${answer.status}`], message: "no data" };
    }
    return { ok: true, codes: [], data: answer.data };
  } catch (error) {
    const err = error as Error & { cause?: { code?: string } };
    if (err.name === "TimeoutError") return { ok: false, codes: ["TIMEOUT"], message: err.message };
    if (err instanceof NotJsonError) {
      return { ok: false, codes: [`HTTP_${err.status}`], message: err.message };
    }
    return {
      ok: false,
      codes: [`NETWORK_${err.cause?.code ?? err.name}`],
      message: `${err.message}${err.cause ? `: ${String(err.cause)}` : ""}`,
    };
  }
}

/** Counts per operation and per error code, with the latency histogram. */
export class Tally {
  requests = 0;
  errors = 0;
  readonly latency = new LatencyHistogram();
  readonly operations = new Map<string, { requests: number; errors: number; totalMs: number }>();
  readonly errorsByCode = new Map<string, ErrorStats>();
  readonly acknowledged = { total: 0, created: 0, updated: 0, unchanged: 0 };

  constructor(private readonly expected: Set<string>) {}

  countError(operation: string, code: string, message: string | undefined) {
    const stats = this.errorsByCode.get(code) ?? {
      count: 0,
      expected: this.expected.has(code),
      examples: [],
    };
    stats.count += 1;
    if (stats.examples.length < 3) stats.examples.push(`${operation}: ${message}`);
    this.errorsByCode.set(code, stats);
  }

  record(operation: string, ms: number, outcome: Outcome) {
    this.requests += 1;
    this.latency.record(ms);
    const op = this.operations.get(operation) ?? { requests: 0, errors: 0, totalMs: 0 };
    op.requests += 1;
    op.totalMs += ms;
    if (!outcome.ok) {
      this.errors += 1;
      op.errors += 1;
      for (const code of outcome.codes) this.countError(operation, code, outcome.message);
    }
    this.operations.set(operation, op);
  }

  operationStats(): Record<string, OperationStats> {
    return Object.fromEntries(
      [...this.operations].map(([name, op]) => [
        name,
        {
          requests: op.requests,
          errors: op.errors,
          meanMs: Math.round((op.totalMs / Math.max(op.requests, 1)) * 10) / 10,
        },
      ]),
    );
  }

  unexplained() {
    return [...this.errorsByCode.values()]
      .filter((stats) => !stats.expected)
      .reduce((sum, stats) => sum + stats.count, 0);
  }
}
