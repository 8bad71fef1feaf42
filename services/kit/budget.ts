import { ErrorCode, apiError } from "../../platform/errors";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../platform/limits";
import { BytesInFlight, PoolShare } from "../../platform/bytes-in-flight";

export const DEFAULT_MAX_RESPONSE_NODES = 50_000;

/**
 * Bounds one request: the items its connections and lists list, the bytes of the rows it reads
 * (their text and JSON, counted as each fetch arrives) and the bytes of text and JSON its answer
 * holds (counted as each field is resolved, aliases and repeats included). A query that slipped
 * past the gateway's estimate, reads wide rows for a few fields, or repeats the same rows under
 * many aliases is cut off with RESPONSE_TOO_LARGE before its answer fills the heap. Past its
 * allowance it draws on the process's bytes in flight (`share`, given back once answered).
 */
export class ResponseBudget {
  private items = 0;
  private read = 0;
  private answered = 0;
  private cutOff: Error | undefined;
  /** This request's draw on the process's bytes in flight. */
  readonly share: PoolShare;

  constructor(
    readonly maxNodes: number = DEFAULT_MAX_RESPONSE_NODES,
    readonly maxBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
    inFlight = new BytesInFlight(Infinity),
  ) {
    this.share = new PoolShare(inFlight);
  }

  spend(items: number): void {
    this.items += items;
    if (this.items > this.maxNodes) {
      throw apiError(
        ErrorCode.RESPONSE_TOO_LARGE,
        `the answer would list more than ${this.maxNodes} items; ask for smaller pages (first) or fewer nested lists`,
        { maxNodes: this.maxNodes },
      );
    }
  }

  /** Counts the bytes `rows` carry; throws once the request has read more than `maxBytes`. */
  charge(rows: readonly unknown[]): void {
    for (const row of rows) this.read += valueBytes(row);
    this.ensureRoom();
    this.share.hold(this.read + this.answered);
  }

  /** Throws if the request has already read more than `maxBytes`: no further fetch starts. */
  ensureRoom(): void {
    if (this.read > this.maxBytes) throw this.tooLarge("read");
  }

  /**
   * Counts `value`, a text or JSON leaf put in the answer, and returns it. Once the answer is
   * over `maxBytes` (or the pool is spent) the first leaf throws; later ones are null where they
   * may be, so one error is reported, not one per field.
   */
  answer<V>(value: V, nullable: boolean): V | null {
    if (this.cutOff) {
      if (nullable) return null;
      throw this.cutOff;
    }
    this.answered += valueBytes(value);
    try {
      if (this.answered > this.maxBytes) throw this.tooLarge("answer");
      this.share.hold(this.read + this.answered);
    } catch (error) {
      this.cutOff = error as Error;
      throw error;
    }
    return value;
  }

  private tooLarge(what: "read" | "answer") {
    return apiError(
      ErrorCode.RESPONSE_TOO_LARGE,
      `${what === "read" ? "the request would read more than" : "the answer would carry more than"} ${this.maxBytes} bytes of text and JSON (MAX_RESPONSE_BYTES of this subgraph); ask for smaller pages (first), fewer nested lists or fewer long text fields`,
      { maxResponseBytes: this.maxBytes },
    );
  }
}

/** About what `value` takes as JSON: strings by their UTF-8 bytes, other scalars 8. */
export function valueBytes(value: unknown): number {
  if (typeof value === "string") return Buffer.byteLength(value) + 2;
  if (value === null || typeof value !== "object") return 8;
  if (value instanceof Date) return 26;
  let bytes = 2;
  if (Array.isArray(value)) {
    for (const item of value) bytes += valueBytes(item) + 1;
    return bytes;
  }
  // Keys, not entries: every row read is walked, and a pair per field was garbage.
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) bytes += key.length + 4 + valueBytes(record[key]);
  return bytes;
}

/** The most keys one statement is asked for: a large batch is read, and counted, by parts. */
export const FETCH_PART = 100;

/**
 * `fetch` for `keys`, `size` keys at a time, each part charged to `budget` as it arrives: a
 * batch of thousands of ids stops at the first part past the budget instead of reading them all.
 */
export async function fetchWithin<V>(
  budget: ResponseBudget,
  keys: readonly string[],
  fetch: (keys: readonly string[]) => Promise<V[]>,
  size = FETCH_PART,
): Promise<V[]> {
  const rows: V[] = [];
  for (let start = 0; start < keys.length; start += size) {
    budget.ensureRoom();
    const part = await fetch(keys.slice(start, start + size));
    budget.charge(part);
    rows.push(...part);
  }
  return rows;
}
