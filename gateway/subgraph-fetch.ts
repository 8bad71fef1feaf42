import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import type { Counter, Histogram } from "prom-client";
import { Agent, request } from "undici";

type Fetcher = NonNullable<
  NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>["fetcher"]
>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

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

/** The gateway's fetcher for one subgraph: a deadline, metrics, and errors clients can act on. */
export function subgraphFetcher(name: string, timeoutMs: number, metrics: FetchMetrics): Fetcher {
  return async (url, init = {}) => {
    const done = metrics.duration.startTimer({ subgraph: name });
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      const response = await request(url, {
        method: (init.method ?? "POST") as "POST",
        headers: init.headers,
        body: init.body,
        dispatcher: subgraphAgent,
        signal: deadline,
      });
      const body = await response.body.text();
      done();
      return new BufferedResponse(url, response.statusCode, response.headers, body);
    } catch {
      const timedOut = deadline.aborted;
      metrics.failures.inc({ subgraph: name, code: timedOut ? "TIMEOUT" : "SERVICE_UNAVAILABLE" });
      throw timedOut
        ? new GraphQLError(`the ${name} subgraph did not answer within ${timeoutMs} ms`, {
            extensions: { code: "TIMEOUT", serviceName: name },
          })
        : new GraphQLError(`the ${name} subgraph is unavailable`, {
            extensions: { code: "SERVICE_UNAVAILABLE", serviceName: name },
          });
    }
  };
}

/** A subgraph's answer, read in full: all the gateway does with it is parse it once. */
class BufferedResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly statusText = "";
  readonly headers: Headers;
  constructor(
    readonly url: string,
    readonly status: number,
    rawHeaders: Record<string, string | string[] | undefined>,
    private readonly body: string,
  ) {
    this.headers = new Headers();
    for (const [header, value] of Object.entries(rawHeaders)) {
      if (value !== undefined)
        this.headers.set(header, Array.isArray(value) ? value.join(", ") : value);
    }
  }
  get ok() {
    return this.status >= 200 && this.status < 300;
  }
  async text() {
    return this.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
  async arrayBuffer() {
    const bytes = Buffer.from(this.body);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  clone() {
    return this;
  }
}
