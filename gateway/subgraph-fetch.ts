import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { ErrorCode, apiError } from "../platform/errors";
import type { Counter, Histogram } from "prom-client";
import { Agent, type Dispatcher, request } from "undici";
import { BytesInFlight, PoolShare } from "../platform/bytes-in-flight";
import {
  IDENTITY_HEADER,
  type Identity,
  type SignOptions,
  signRequest,
} from "../platform/identity";

type Fetcher = NonNullable<
  NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>["fetcher"]
>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherInit = NonNullable<Parameters<Fetcher>[1]>;

/**
 * The caller a request is made for, set by the data source (which knows the client request)
 * and replaced by the fetcher (which knows the exact body) with the signed identity header.
 * Never sent: a request without it goes unsigned, and the subgraph refuses it.
 */
export const IDENTITY_CLAIMS_HEADER = "x-attribution-identity-claims";

export interface FetchMetrics {
  duration: Histogram<"subgraph">;
  failures: Counter<"subgraph" | "code">;
}

/**
 * Keep-alive connections to the subgraphs, reused across requests. `undici.request` rather than
 * `fetch`: fetch streams every request body through a WHATWG stream and writes it apart from
 * the headers, and on loopback those extra socket writes were the gateway's largest CPU cost
 * (BENCHMARKS.md, "Tuning").
 */
const subgraphAgent = new Agent({ keepAliveTimeout: 30_000, connections: 256 });

/**
 * Bytes of subgraph answers one client request may still receive, shared by its fetches; past
 * its allowance they are drawn on the process's bytes in flight (`share`), given back once the
 * client's answer is ready (releaseAfterResponse in gateway.ts).
 */
export class ResponseBytes {
  private used = 0;
  readonly share: PoolShare;

  constructor(
    readonly max: number,
    inFlight = new BytesInFlight(Infinity),
  ) {
    this.share = new PoolShare(inFlight);
  }

  get remaining(): number {
    return this.max - this.used;
  }

  /** The budget of the client request `context` belongs to, made on its first fetch. */
  static of(context: object, max: number, inFlight?: BytesInFlight): ResponseBytes {
    const scoped = context as { responseBytes?: ResponseBytes };
    return (scoped.responseBytes ??= new ResponseBytes(max, inFlight));
  }

  /** The budget `context` made, if it fetched anything. */
  static made(context: object): ResponseBytes | undefined {
    return (context as { responseBytes?: ResponseBytes }).responseBytes;
  }

  /**
   * Counts `bytes`; throws RESPONSE_TOO_LARGE once the total passes the limit (and after), or
   * SERVICE_UNAVAILABLE when the process holds too much for other requests already.
   */
  spend(bytes: number, service: string): void {
    this.used += bytes;
    if (this.used > this.max) {
      throw apiError(
        ErrorCode.RESPONSE_TOO_LARGE,
        `the answer exceeds ${this.max} bytes (MAX_RESPONSE_BYTES); ask for smaller pages (first) or fewer fields`,
        { maxResponseBytes: this.max, serviceName: service },
      );
    }
    this.share.hold(this.used);
  }
}

export interface FetchLimits {
  timeoutMs: number;
  /** For a body read outside a client request (an error answer). */
  maxResponseBytes: number;
}

/**
 * The gateway's fetcher for one subgraph: signs the caller for this subgraph and this body, and
 * adds a deadline, metrics, and errors clients can act on. It answers once the headers are in;
 * the body is read, and counted, when the data source parses it with the request's budget
 * (SubgraphResponse.within).
 */
export function subgraphFetcher(
  name: string,
  identitySecret: string,
  limits: FetchLimits,
  metrics: FetchMetrics,
): Fetcher {
  return async (url, init = {}) => {
    const done = metrics.duration.startTimer({ subgraph: name });
    const deadline = AbortSignal.timeout(limits.timeoutMs);
    const failure = (error: unknown) => {
      // The request's own budget, or the process's bytes in flight: said as they are.
      const budget =
        error instanceof GraphQLError &&
        (error.extensions.code === ErrorCode.RESPONSE_TOO_LARGE ||
          error.extensions.maxBytesInFlight !== undefined);
      const code = budget
        ? String(error.extensions.code)
        : deadline.aborted
          ? "TIMEOUT"
          : "SERVICE_UNAVAILABLE";
      metrics.failures.inc({ subgraph: name, code });
      if (budget) return error;
      return code === "TIMEOUT"
        ? apiError(
            ErrorCode.TIMEOUT,
            `the ${name} subgraph did not answer within ${limits.timeoutMs} ms`,
            {
              serviceName: name,
            },
          )
        : apiError(ErrorCode.SERVICE_UNAVAILABLE, `the ${name} subgraph is unavailable`, {
            serviceName: name,
          });
    };
    try {
      const response = await request(url, {
        method: (init.method ?? "POST") as "POST",
        headers: signedHeaders(init, name, identitySecret),
        body: init.body,
        dispatcher: subgraphAgent,
        signal: deadline,
      });
      return new SubgraphResponse(url, response, async (budget) => {
        try {
          const body = await readBody(
            response,
            budget ?? new ResponseBytes(limits.maxResponseBytes),
            name,
          );
          done();
          return body;
        } catch (error) {
          throw failure(error);
        }
      });
    } catch (error) {
      throw failure(error);
    }
  };
}

/** `init`'s headers, its caller's claims replaced by their signature for `audience`. */
function signedHeaders(init: FetcherInit, audience: string, secret: string) {
  const headers: Record<string, string> = {};
  let claims: string | undefined;
  for (const [header, value] of Object.entries(init.headers ?? {})) {
    const lower = header.toLowerCase();
    if (lower === IDENTITY_CLAIMS_HEADER) claims = value;
    else if (lower !== IDENTITY_HEADER) headers[header] = value;
  }
  if (claims === undefined || init.body === undefined) return headers;
  const { keyId, role, ...signed } = JSON.parse(claims) as Identity &
    Pick<SignOptions, "unresolved" | "sourceConflicts" | "unchangedOnly">;
  // Every fetch is part of an operation the gateway admitted (its cost, depth and inputs).
  headers[IDENTITY_HEADER] = signRequest(
    { keyId, role },
    { audience, body: init.body, secret, vetted: true, ...signed },
  );
  return headers;
}

/** Reads a body chunk by chunk, stopping as soon as the request's budget is spent. */
async function readBody(response: Dispatcher.ResponseData, budget: ResponseBytes, service: string) {
  const declared = Number(response.headers["content-length"]);
  if (declared > budget.remaining) {
    // dump, not destroy: destroying an unread body emits an error nobody listens to.
    void response.body.dump();
    budget.spend(declared, service);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    budget.spend(chunk.length, service);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A subgraph's answer; its body is read once, within the budget given before parsing. */
export class SubgraphResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly statusText = "";
  readonly status: number;
  readonly headers: Headers;
  private budget: ResponseBytes | undefined;
  private body: Promise<string> | undefined;

  constructor(
    readonly url: string,
    response: Dispatcher.ResponseData,
    private readonly read: (budget: ResponseBytes | undefined) => Promise<string>,
  ) {
    this.status = response.statusCode;
    this.headers = new Headers();
    for (const [header, value] of Object.entries(response.headers)) {
      if (value !== undefined)
        this.headers.set(header, Array.isArray(value) ? value.join(", ") : value);
    }
  }

  /** Counts the body against `budget` (the client request's) when it is read. */
  within(budget: ResponseBytes): this {
    this.budget = budget;
    return this;
  }

  get ok() {
    return this.status >= 200 && this.status < 300;
  }
  text() {
    return (this.body ??= this.read(this.budget));
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  async arrayBuffer() {
    const bytes = Buffer.from(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  clone() {
    return this;
  }
}
