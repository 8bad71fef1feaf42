/**
 * The one GraphQL-over-HTTP client: the import and export CLIs use it, and so do the tests and the
 * benchmarks (through harness/). It lives with the scripts because they ship in the image.
 */
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

/** The answer's body with its HTTP status and headers. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: GraphQLError[];
}

export interface PostOptions {
  /** An API key's token, sent as `authorization: Bearer <token>`. */
  token?: string;
  /** More request headers (an identity signature, a cache control). */
  headers?: Record<string, string>;
  /** Aborts the request after this many ms; the rejection's name is "TimeoutError". */
  timeoutMs?: number;
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
 * POSTs `request` as JSON to `url`; the answer as it came. Rejects only when there is no
 * GraphQL answer at all: a network error, a timeout, a body that is not JSON.
 */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  request: GraphQLRequest,
  options: PostOptions = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify(request),
    signal: options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs),
  });
  let body: { data?: T; errors?: GraphQLError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch (error) {
    if ((error as Error).name === "TimeoutError") throw error;
    throw new NotJsonError(response.status, error);
  }
  return { status: response.status, headers: response.headers, ...body };
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
