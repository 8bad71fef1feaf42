import { randomUUID } from "node:crypto";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import { type AdmissionControl, Overloaded, admitUntilClosed } from "./admission";
import { ErrorCode, sendErrorBody } from "./errors";
import {
  CONNECTIONS_CHECK_INTERVAL_MS,
  HttpError,
  type IntakeLimits,
  applyTimeouts,
  limitConnectionsPerClient,
  tooManyConnections,
} from "./intake";
import { type OperationRequest, operationsOf, parseJsonBody, readBody } from "./request-body";

export const REQUEST_ID_HEADER = "x-request-id";

export interface HttpOptions<C extends BaseContext> extends IntakeLimits {
  host: string;
  port: number;
  /** Larger bodies are refused with 413 before they are read in full. */
  maxBodyBytes: number;
  /** How many operations one batched request may carry (batching itself is an Apollo option). */
  maxBatchSize?: number;
  /** `body` is the request body exactly as received (empty for GET), e.g. to check a signature. */
  context(req: IncomingMessage, requestId: string, body: Buffer): Promise<C>;
  /**
   * Plain HTTP routes served beside GraphQL: health checks, metrics, static files. Never queued.
   * A key ending in `/*` answers every path under it (`/app/*`: `/app/`, `/app/a/b`).
   */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void | Promise<void>>;
  /**
   * Bounds the GraphQL requests run at once, per client address and overall. A request takes its
   * slot once its body has arrived: a slow sender holds a connection, never a slot.
   */
  admission?: AdmissionControl;
  /** A GraphQL request still running after this long is answered TIMEOUT. */
  requestTimeoutMs?: number;
  /** Checks each operation before Apollo sees it; a thrown HttpError refuses the request. */
  vetOperation?(operation: OperationRequest, requestId: string): void;
}

export interface RunningHttp {
  url: string;
  server: Server;
  /** Stops accepting, waits (at most `graceMs`) for requests in flight, then closes sockets. */
  close(graceMs?: number): Promise<void>;
}

/** What a service says, and exits on, when another process holds its port. */
export const PORT_IN_USE = "is already in use";

/** Whether `output` (a service's, or `npm start`'s) says a port was taken. */
export const saysPortInUse = (output: string) => output.includes(PORT_IN_USE);

/**
 * Apollo's standalone server has no body-size limit and no room for health routes, so this
 * serves `executeHTTPGraphQLRequest` from node:http, and drains it on shutdown: Apollo's drain
 * plugin only knows the sockets of its own standalone server.
 */
export function createHttpServer(options: { maxHeaderSize?: number } = {}): Server {
  return createServer({
    connectionsCheckingInterval: CONNECTIONS_CHECK_INTERVAL_MS,
    ...(options.maxHeaderSize ? { maxHeaderSize: options.maxHeaderSize } : {}),
  });
}

export async function serveGraphQL<C extends BaseContext>(
  apollo: ApolloServer<C>,
  http: Server,
  options: HttpOptions<C>,
): Promise<RunningHttp> {
  await apollo.start();
  let inFlight = 0;
  let shuttingDown = false;
  applyTimeouts(http, options);
  const connections =
    options.maxConnectionsPerClient !== undefined
      ? limitConnectionsPerClient(http, options.maxConnectionsPerClient)
      : undefined;
  http.on("request", (req, res) => {
    if (shuttingDown) return refuseWhileShuttingDown(res);
    if (connections?.isRefused(req.socket)) {
      return refuse(res, tooManyConnections(options.maxConnectionsPerClient!), { close: true });
    }
    inFlight += 1;
    res.once("close", () => (inFlight -= 1));
    void handle(apollo, options, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `port ${options.port} on ${options.host} ${PORT_IN_USE} (by another attribution-graph?): stop what holds it or choose another port`,
            )
          : error,
      ),
    );
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  // Node's server.close() also closes connections it deems idle, including some whose request
  // is still being answered; so: refuse new requests (503), drain, and only then close.
  const close = async (graceMs = 10_000) => {
    shuttingDown = true;
    const deadline = Date.now() + graceMs;
    let quietChecks = 0;
    while (Date.now() < deadline && quietChecks < 2) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      quietChecks = inFlight === 0 ? quietChecks + 1 : 0;
    }
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeAllConnections();
    await closed;
  };
  return { url: `http://${options.host}:${port}/`, server: http, close };
}

async function handle<C extends BaseContext>(
  apollo: ApolloServer<C>,
  options: HttpOptions<C>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const requestId =
    typeof incoming === "string" && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = options.routes?.[url.pathname] ?? prefixRoute(options.routes, url.pathname);
    if (route) return await route(req, res);
    // The whole body first, within its deadline: only then does the request compete for a slot.
    const raw =
      req.method === "POST"
        ? await readBody(req, { maxBytes: options.maxBodyBytes, timeoutMs: options.bodyTimeoutMs })
        : Buffer.alloc(0);
    const body = req.method === "POST" ? parseJsonBody(raw, req, options.maxBatchSize) : undefined;
    if (options.vetOperation) {
      for (const operation of operationsOf(body, url)) options.vetOperation(operation, requestId);
    }
    if (options.admission) {
      // The slot is held until the answer is sent, even one cut short by the timeout.
      const client = req.socket.remoteAddress ?? "unknown";
      if (!(await admitUntilClosed(options.admission, client, res))) return;
    }
    const timer =
      options.requestTimeoutMs &&
      setTimeout(
        () => tookTooLong(res, requestId, options.requestTimeoutMs!),
        options.requestTimeoutMs,
      );
    if (timer) res.once("close", () => clearTimeout(timer));
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: () => options.context(req, requestId, raw),
    });
    if (res.headersSent || res.writableEnded) return;
    res.statusCode = result.status ?? 200;
    for (const [name, value] of result.headers) res.setHeader(name, value);
    if (result.body.kind === "complete") {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  } catch (error) {
    const known =
      error instanceof HttpError
        ? error
        : error instanceof Overloaded
          ? new HttpError(
              503,
              ErrorCode.SERVICE_UNAVAILABLE,
              `the server is busy (${error.reason}); retry shortly`,
            )
          : new HttpError(500, ErrorCode.INTERNAL_SERVER_ERROR, "internal error");
    if (!(error instanceof HttpError) && !(error instanceof Overloaded)) {
      console.error(`request ${requestId}:`, error);
    }
    if (res.headersSent) return void res.end();
    // After 408 and 413 the rest of the body is never read: the connection cannot be reused.
    refuse(res, known, { requestId, close: [408, 413].includes(known.status) });
  }
}

function refuse(
  res: ServerResponse,
  error: HttpError,
  { requestId, close = false }: { requestId?: string; close?: boolean },
) {
  sendErrorBody(
    res,
    { status: error.status, code: error.code, message: error.message, requestId },
    {
      headers: {
        ...(close ? { connection: "close" } : {}),
        ...(error.status === 503 ? { "retry-after": "1" } : {}),
      },
    },
  );
}

function prefixRoute<R>(routes: Record<string, R> | undefined, pathname: string): R | undefined {
  for (const [key, route] of Object.entries(routes ?? {})) {
    if (key.endsWith("/*") && pathname.startsWith(key.slice(0, -1))) return route;
  }
  return undefined;
}

function tookTooLong(res: ServerResponse, requestId: string, ms: number) {
  if (res.headersSent) return;
  sendErrorBody(
    res,
    {
      status: 503,
      code: ErrorCode.TIMEOUT,
      message: `the request did not finish within ${ms} ms`,
      requestId,
    },
    { headers: { "retry-after": "1" } },
  );
}

function refuseWhileShuttingDown(res: ServerResponse) {
  sendErrorBody(
    res,
    {
      status: 503,
      code: ErrorCode.SERVICE_UNAVAILABLE,
      message: "the server is shutting down; retry",
    },
    { headers: { connection: "close", "retry-after": "1" } },
  );
}
