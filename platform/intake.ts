import type { Server } from "node:http";
import type { Socket } from "node:net";
import { ErrorCode } from "./errors";

/** A refusal answered over plain HTTP by serveGraphQL, with its status and code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** How long a client may take to send its request, and how many connections it may hold. */
export interface IntakeLimits {
  /** Node's `headersTimeout`: the headers must have arrived within this (408, then closed). */
  headerTimeoutMs?: number;
  /** The body must have arrived within this after the headers (408 TIMEOUT, then closed). */
  bodyTimeoutMs?: number;
  /** Open connections per remote address; more are answered 503 and closed. */
  maxConnectionsPerClient?: number;
}

/**
 * Node enforces `headersTimeout` and `requestTimeout` on a periodic sweep (every 30 s by
 * default): checked every second, a slow sender is cut off close to its deadline.
 */
export const CONNECTIONS_CHECK_INTERVAL_MS = 1_000;

/** Applies the header deadline, with Node's whole-request deadline as a backstop behind ours. */
export function applyTimeouts(http: Server, limits: IntakeLimits): void {
  if (limits.headerTimeoutMs) http.headersTimeout = limits.headerTimeoutMs;
  if (limits.headerTimeoutMs && limits.bodyTimeoutMs) {
    http.requestTimeout = limits.headerTimeoutMs + limits.bodyTimeoutMs + 1_000;
  }
}

/**
 * Counts open connections per remote address. A connection over the limit is not counted: its
 * first request is answered 503 (see `isRefused`) and it is closed, within a second at most.
 */
export function limitConnectionsPerClient(http: Server, max: number) {
  const open = new Map<string, number>();
  const refused = new WeakSet<Socket>();
  http.on("connection", (socket: Socket) => {
    const client = socket.remoteAddress ?? "unknown";
    const count = (open.get(client) ?? 0) + 1;
    if (count > max) {
      refused.add(socket);
      socket.setTimeout(1_000, () => socket.destroy());
      return;
    }
    open.set(client, count);
    socket.once("close", () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left) open.set(client, left);
      else open.delete(client);
    });
  });
  return { isRefused: (socket: Socket) => refused.has(socket) };
}

export function tooManyConnections(max: number): HttpError {
  return new HttpError(
    503,
    ErrorCode.SERVICE_UNAVAILABLE,
    `too many open connections from this address (at most ${max}); reuse a connection or retry`,
  );
}
