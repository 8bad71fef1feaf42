import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServer, BaseContext } from "@apollo/server";
import { type AdmissionControl, Overloaded, admitUntilClosed } from "../../platform/admission";
import type { Execute } from "../read";
import { type Answer, type StixRequest, stixAnswer, taxiiAnswer } from "./endpoints";
import { TaxiiError, sendError } from "./errors";
import { MAX_LIMIT, requestCost } from "./pages";

export interface StixServerOptions<C extends BaseContext> {
  /** The gateway's Apollo server: the data comes from its GraphQL API, run in-process. */
  server: ApolloServer<C>;
  /**
   * The context of a GraphQL request (rate limit, then the API key): the same rules, a request
   * counting as `cost` requests of the rate limit.
   */
  context(req: IncomingMessage, requestId: string, cost: number): Promise<C>;
  /** A TAXII page counts as one request per this many objects of its `limit` (pages.ts). */
  taxiiObjectsPerRequest?: number;
  /** The gateway's admission control: TAXII requests share its slots with GraphQL's. */
  admission?: AdmissionControl;
  requestTimeoutMs?: number;
  /** The largest request body the gateway accepts (`max_content_length` of the API root). */
  maxContentLength: number;
  /** The largest answer of a page, in bytes: the GraphQL response budget. */
  maxResponseBytes: number;
  /** Where clients reach the gateway (PUBLIC_URL), for discovery's absolute URLs. */
  publicUrl(): string;
}

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** `/taxii2/…` (TAXII 2.1, read-only) and `/stix/<globalId>`, as routes of serveGraphQL. */
export function stixRoutes<C extends BaseContext>(
  options: StixServerOptions<C>,
): Record<string, Route> {
  const taxii = route(options, "/taxii2", taxiiAnswer);
  return { "/taxii2": taxii, "/taxii2/*": taxii, "/stix/*": route(options, "/stix", stixAnswer) };
}

function route<C extends BaseContext>(
  options: StixServerOptions<C>,
  prefix: string,
  answer: (request: StixRequest) => Promise<Answer>,
): Route {
  return async (req, res) => {
    const requestId = String(res.getHeader("x-request-id") ?? "");
    // Work for a request that was answered TIMEOUT or whose client left stops (endpoints.ts).
    const stop = new AbortController();
    const timer =
      options.requestTimeoutMs &&
      setTimeout(() => {
        const message = `the request did not finish within ${options.requestTimeoutMs} ms`;
        sendError(res, new TaxiiError(503, message, { "retry-after": "1" }, "TIMEOUT"), requestId);
        stop.abort();
      }, options.requestTimeoutMs);
    res.once("close", () => {
      if (timer) clearTimeout(timer);
      stop.abort();
    });
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        throw new TaxiiError(405, `${req.method} is not allowed: this server is read-only`, {
          allow: "GET, HEAD",
        });
      }
      // GET and HEAD only: no body to wait for, the slot is asked for once the headers are in.
      const client = req.socket.remoteAddress ?? "unknown";
      if (options.admission && !(await admitUntilClosed(options.admission, client, res))) return;
      const url = new URL(req.url ?? "/", "http://localhost");
      const path = url.pathname
        .slice(prefix.length)
        .split("/")
        .filter(Boolean)
        .map((segment) => decodeURIComponent(segment));
      const cost =
        prefix === "/taxii2"
          ? requestCost(path, url.searchParams, options.taxiiObjectsPerRequest ?? MAX_LIMIT)
          : 1;
      const context = await options.context(req, requestId, cost).catch((error: unknown) => {
        throw refusal(error);
      });
      const result = await answer({
        path,
        signal: stop.signal,
        params: url.searchParams,
        accept: req.headers.accept,
        publicUrl: options.publicUrl(),
        maxContentLength: options.maxContentLength,
        execute: inProcess(options.server, context),
        budgetBytes: options.maxResponseBytes,
      });
      if (res.headersSent) return;
      res.statusCode = 200;
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      res.setHeader("content-type", result.mediaType);
      res.setHeader("cache-control", "no-store");
      res.end(req.method === "HEAD" ? undefined : JSON.stringify(result.body));
    } catch (error) {
      sendError(res, asTaxiiError(error, requestId), requestId);
    }
  };
}

/** Runs an operation through the gateway's own plugins (cost, limits, cache) as the caller. */
function inProcess<C extends BaseContext>(server: ApolloServer<C>, contextValue: C): Execute {
  return async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    // A context per operation, as per HTTP request: each page has its own response budget.
    const response = await server.executeOperation(
      { query, variables },
      { contextValue: { ...contextValue } },
    );
    if (response.body.kind !== "single") throw new Error("an incremental GraphQL answer");
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw refusal(errors[0]);
    return data as T;
  };
}

const STATUS_OF_CODE: Record<string, number> = {
  // A cursor of a `next` token the subgraph refuses (feed.ts answers it as a bad token).
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  TIMEOUT: 503,
};

/** A GraphQL error (a bad key, the rate limit, a subgraph down) as a TAXII error. */
function refusal(error: unknown): TaxiiError {
  const { message, extensions } = error as {
    message?: string;
    extensions?: { code?: string; http?: { status?: number }; retryAfterSeconds?: number };
  };
  const code = extensions?.code;
  const status = extensions?.http?.status ?? (code ? STATUS_OF_CODE[code] : undefined);
  if (!status || !code || status >= 500) {
    if (code === "SERVICE_UNAVAILABLE" || code === "TIMEOUT") {
      return new TaxiiError(503, message ?? code, { "retry-after": "1" }, code);
    }
    // A page of records past a byte budget, or whose worst case is: the feed asks again for a
    // smaller one (read.ts tooLarge reads the code).
    if (code === "RESPONSE_TOO_LARGE" || code === "QUERY_TOO_COMPLEX") {
      return new TaxiiError(500, message ?? code, {}, code);
    }
    console.error(`TAXII: the gateway answered ${code ?? "an error"}: ${message}`);
    return new TaxiiError(500, "internal error", {}, "INTERNAL_SERVER_ERROR");
  }
  const headers: Record<string, string> =
    status === 401 ? { "www-authenticate": 'Bearer realm="attribution-graph"' } : {};
  if (status === 429) headers["retry-after"] = String(extensions?.retryAfterSeconds ?? 60);
  return new TaxiiError(status, message ?? code, headers, code);
}

function asTaxiiError(error: unknown, requestId: string): TaxiiError {
  if (error instanceof TaxiiError) return error;
  if (error instanceof Overloaded) {
    return new TaxiiError(
      503,
      `the server is busy (${error.reason}); retry shortly`,
      { "retry-after": "1" },
      "SERVICE_UNAVAILABLE",
    );
  }
  console.error(`request ${requestId}:`, error);
  return new TaxiiError(500, "internal error", {}, "INTERNAL_SERVER_ERROR");
}
