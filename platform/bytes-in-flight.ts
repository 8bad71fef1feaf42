import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode, apiError } from "./errors";

/**
 * MAX_BYTES_IN_FLIGHT: the bytes every request of one process may hold at once, together (a
 * subgraph: rows read and answers built; the gateway: subgraph answers received).
 */
export const DEFAULT_MAX_BYTES_IN_FLIGHT = 128 * 1024 * 1024;

/** What each request holds without drawing on the pool: small reads never wait on big ones. */
export const REQUEST_ALLOWANCE_BYTES = 1024 * 1024;

/**
 * The bytes the requests of one process hold together, beyond each one's allowance: many large
 * requests at once are refused (SERVICE_UNAVAILABLE, retry) before together they take the heap,
 * whatever each one's own budget allows.
 */
export class BytesInFlight {
  private used = 0;

  constructor(readonly max: number = DEFAULT_MAX_BYTES_IN_FLIGHT) {}

  get held(): number {
    return this.used;
  }

  /** Takes `bytes`, or throws SERVICE_UNAVAILABLE when the pool has not that many left. */
  take(bytes: number): void {
    if (this.used + bytes > this.max) {
      throw apiError(
        ErrorCode.SERVICE_UNAVAILABLE,
        `the service is holding other large answers (MAX_BYTES_IN_FLIGHT, ${this.max} bytes); retry shortly, or ask for smaller pages`,
        { maxBytesInFlight: this.max },
      );
    }
    this.used += bytes;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

/** One request's draw on a pool: what it holds past its allowance, given back by `release`. */
export class PoolShare {
  private drawn = 0;

  constructor(private readonly pool: BytesInFlight) {}

  /** The request now holds `total` bytes: draws what it holds past its allowance, or throws. */
  hold(total: number): void {
    const needed = Math.max(0, total - REQUEST_ALLOWANCE_BYTES) - this.drawn;
    if (needed <= 0) return;
    this.pool.take(needed);
    this.drawn += needed;
  }

  release(): void {
    this.pool.release(this.drawn);
    this.drawn = 0;
  }
}

/** Gives a request's draw back to the pool once its answer is ready to send. */
export function releaseAfterResponse<C>(
  shareOf: (context: C) => PoolShare | undefined,
): ApolloServerPlugin<C & object> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          shareOf(contextValue)?.release();
        },
      };
    },
  };
}
