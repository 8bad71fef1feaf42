/**
 * The one GraphQL-over-HTTP client: the import and export CLIs use it, and so do the tests and the
 * benchmarks (through harness/). It lives with the scripts because they ship in the image. Tests
 * also send their plain HTTP requests (TAXII, health, metrics, static files) through httpRequest.
 */
import { type IncomingHttpHeaders, request as requestOnce } from "node:http";

/** One GraphQL-over-HTTP request: what the gateway and each subgraph accept as a POST body. */
export interface GraphQLRequest {
  query?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

/** A GraphQL answer's body. */
export interface GraphQLBody<T = Record<string, unknown>> {
  data?: T;
  errors?: GraphQLError[];
  extensions?: Record<string, unknown>;
}

/** The answer's body with its HTTP status and headers. */
export interface GraphQLResponse<T = Record<string, unknown>> extends GraphQLBody<T> {
  status: number;
  headers: Headers;
}

export interface PostOptions {
  /** An API key's token, sent as `authorization: Bearer <token>`. */
  token?: string;
  /** More request headers, lower case (an identity signature, `content-type`, `accept`). */
  headers?: Record<string, string>;
  /** Aborts the request after this many ms; the rejection's name is "TimeoutError". */
  timeoutMs?: number;
}

/** How one request is sent, for callers that check the HTTP itself (tests, probes). */
export interface HttpOptions extends PostOptions {
  /**
   * GET (httpRequest's default), POST (sendGraphQL's) or any other; a GraphQL request sent with
   * GET travels in the query string.
   */
  method?: string;
  /** The body as sent (plain HTTP); sendGraphQL writes it from its request. */
  body?: string;
  /** Aborts the request, as a client that leaves does. */
  signal?: AbortSignal;
  /** A connection of its own, closed after the answer: a cluster hands each to a worker in turn. */
  newConnection?: boolean;
  /** The address to connect from ("127.0.0.2": another client on loopback); a new connection. */
  localAddress?: string;
  /** "manual": a redirect is answered as it is, not followed. */
  redirect?: "follow" | "manual";
}

/** An answer as it came: status, headers, the body's text and, when it is JSON, its value. */
export interface HttpAnswer<B = unknown> {
  status: number;
  headers: Headers;
  text: string;
  /** Undefined when the body is not JSON (empty, a proxy's HTML, cut short). */
  json: B | undefined;
}

/** An answer whose body is not JSON (a proxy's 502, a body cut short). */
export class NotJsonError extends Error {
  constructor(
    readonly status: number,
    cause: unknown,
  ) {
    super(`HTTP ${status}: the answer is not JSON (${(cause as Error).message})`);
    this.name = "NotJsonError";
  }
}

/**
 * Sends one HTTP request and resolves with the whole answer, whatever its status or body;
 * rejects only on a network error, a timeout or an abort.
 */
export async function httpRequest<B = unknown>(
  url: string | URL,
  options: HttpOptions = {},
): Promise<HttpAnswer<B>> {
  const { method = "GET", body, localAddress } = options;
  const newConnection = options.newConnection || localAddress !== undefined;
  const headers = {
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...options.headers,
  };
  const signals = [
    options.signal,
    options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs),
  ].filter((signal) => signal !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  let raw: Raw;
  if (newConnection) {
    raw = await onNewConnection(new URL(url), { method, headers, body, signal, localAddress });
  } else {
    const response = await fetch(url, {
      method,
      headers,
      body,
      signal,
      redirect: options.redirect,
    });
    raw = { status: response.status, headers: response.headers, text: await response.text() };
  }
  let json: B | undefined;
  try {
    json = JSON.parse(raw.text) as B;
  } catch {
    json = undefined;
  }
  return { ...raw, json };
}

type Raw = Omit<HttpAnswer, "json">;

/** node:http without an agent: one connection for this request, closed after it. */
function onNewConnection(
  url: URL,
  {
    body,
    ...options
  }: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
    localAddress?: string;
  },
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const sent = requestOnce(url, { ...options, agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: toHeaders(response.headers), text }),
      );
    });
    sent.on("error", reject);
    sent.end(body);
  });
}

const toHeaders = (raw: IncomingHttpHeaders) =>
  new Headers(
    Object.entries(raw).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(
        (one) => [name, one] as [string, string],
      ),
    ),
  );

/**
 * Sends a GraphQL request, a batch, or a body of the caller's own (a string sent as it is) to
 * `url` as JSON; with `method: "GET"`, the request in the query string. The whole answer.
 */
export function sendGraphQL<B = GraphQLBody>(
  url: string,
  request: GraphQLRequest | GraphQLRequest[] | string,
  options: HttpOptions = {},
): Promise<HttpAnswer<B>> {
  if (options.method === "GET" && typeof request === "object" && !Array.isArray(request)) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(request)) {
      if (value !== undefined)
        search.set(name, typeof value === "string" ? value : JSON.stringify(value));
    }
    return httpRequest<B>(`${url}?${search}`, options);
  }
  return httpRequest<B>(url, {
    method: "POST",
    ...options,
    headers: { "content-type": "application/json", ...options.headers },
    body: typeof request === "string" ? request : JSON.stringify(request),
  });
}

/**
 * POSTs `request` as JSON to `url` (or GETs it, with `method: "GET"`); the answer as it came.
 * Rejects only when there is no GraphQL answer at all: a network error, a timeout, a body that
 * is not JSON.
 */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  request: GraphQLRequest,
  options: Omit<HttpOptions, "body"> = {},
): Promise<GraphQLResponse<T>> {
  const { status, headers, text, json } = await sendGraphQL<GraphQLBody<T>>(url, request, options);
  if (json === undefined) {
    let cause: unknown;
    try {
      JSON.parse(text);
    } catch (error) {
      cause = error;
    }
    throw new NotJsonError(status, cause);
  }
  return { status, headers, ...json };
}

/** The answer's data; any GraphQL error or non-2xx status rejects, with the first error's code. */
export async function graphQLData<T = Record<string, unknown>>(
  url: string,
  request: GraphQLRequest,
  options: PostOptions = {},
): Promise<T> {
  const answer = await postGraphQL<T>(url, request, options);
  if (answer.errors?.length) {
    const [error] = answer.errors;
    throw new Error(`${error.extensions?.code ?? "ERROR"}: ${error.message}`);
  }
  if (answer.status < 200 || answer.status > 299 || answer.data === undefined) {
    throw new Error(`${url}: HTTP ${answer.status} without data`);
  }
  return answer.data;
}
