import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import type { BytesInFlight } from "../platform/bytes-in-flight";
import { REQUEST_ID_HEADER } from "../platform/http";
import type { Metrics } from "../platform/observability";
import type { GatewayContext } from "./auth";
import { fanOutLimit } from "./fan-out";
import { rememberQueryPlan } from "./partial-failures";
import { type WriteClaims, recordSourceWrites, writeWithRecordSources } from "./record-sources";
import { uniqueRepresentations } from "./representations";
import { mergeEntityFetches } from "./entity-batches";
import { type SubgraphAnswer, fanOutSourceWrites, writesSources } from "./source-fan-out";
import { subgraphRefusal } from "./subgraph-errors";
import {
  type FetchLimits,
  type FetchMetrics,
  IDENTITY_CLAIMS_HEADER,
  ResponseBytes,
  SubgraphResponse,
  subgraphFetcher,
} from "./subgraph-fetch";

type SendRequest = Parameters<
  RemoteGraphQLDataSource<GatewayContext>["willSendRequest"] & object
>[0];
type ParseBody = Parameters<RemoteGraphQLDataSource<GatewayContext>["parseBody"]>;
type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>["process"]>[0];

interface WaitingFetch {
  options: ProcessOptions;
  resolve(answer: SubgraphAnswer): void;
  reject(error: unknown): void;
}

/** Entity fetches not yet sent, by client request (its context) and subgraph. */
const waitingFetches = new WeakMap<object, Map<string, WaitingFetch[]>>();

/** The options of a record write, with what willSendRequest signs along. */
const withClaims = (options: ProcessOptions, claims: WriteClaims) =>
  Object.assign({ ...options }, claims) as ProcessOptions;

/**
 * Forwards the caller (signed by the fetcher, over the exact body) and the request id; gives up
 * on a slow subgraph and stops reading once the client request's subgraph answers pass
 * maxResponseBytes.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    name: string,
    url: string,
    secret: string,
    private readonly limits: FetchLimits,
    metrics: FetchMetrics,
    private readonly inFlight: BytesInFlight,
    /** Every subgraph's source, by name, for the writes sent to all (source-fan-out.ts). */
    private readonly peers: Map<string, SubgraphDataSource>,
  ) {
    super({
      url,
      fetcher: subgraphFetcher(name, secret, limits, metrics),
    });
    this.serviceName = name;
  }

  private readonly serviceName: string;

  override async process(options: ProcessOptions) {
    if (!("incomingRequestContext" in options)) return super.process(options);
    const { query = "", variables = {} } = options.request;
    const subgraphs = [...this.peers.keys()];
    const document = writesSources(query);
    if (document) {
      // The same request, variables and caller, with another operation, to each subgraph.
      const send = (name: string, query: string) =>
        this.peers.get(name)!.send({ ...options, request: { ...options.request, query } });
      return fanOutSourceWrites(document, this.serviceName, subgraphs, send);
    }
    const records = recordSourceWrites(query, variables);
    if (!records) return this.entityFetch(options);
    // The gateway's own operations, as the same caller, to the other subgraphs.
    const sendOwn = (name: string, query: string, variables: Record<string, unknown>) =>
      this.peers.get(name)!.send({
        ...options,
        request: { ...options.request, query, variables, operationName: "RecordSources" },
      });
    const write = (written: string, claims: WriteClaims) =>
      this.send({ ...options, request: { ...options.request, query: written } }, claims);
    return writeWithRecordSources(records, this.serviceName, subgraphs, sendOwn, write);
  }

  /** An entity fetch asks for each entity once, together with its plan step's others. */
  private async entityFetch(options: ProcessOptions) {
    if (!Array.isArray(options.request.variables?.representations)) return super.process(options);
    const unique = uniqueRepresentations(options.request.variables);
    if (!unique) return this.together(options);
    const request = { ...options.request, variables: unique.variables };
    return unique.spread(await this.together({ ...options, request }));
  }

  /**
   * An entity fetch waits for the others of its plan step to this subgraph (the planner starts
   * a step's fetches in one turn of the event loop) and goes with them as one request.
   */
  private together(options: ProcessOptions): Promise<SubgraphAnswer> {
    const context = options.context as object;
    let bySubgraph = waitingFetches.get(context);
    if (!bySubgraph) waitingFetches.set(context, (bySubgraph = new Map()));
    let waiting = bySubgraph.get(this.serviceName);
    if (!waiting) {
      bySubgraph.set(this.serviceName, (waiting = []));
      process.nextTick(() => void this.sendTogether(context));
    }
    const fetches = waiting;
    return new Promise((resolve, reject) => fetches.push({ options, resolve, reject }));
  }

  private async sendTogether(context: object) {
    const fetches = waitingFetches.get(context)?.get(this.serviceName) ?? [];
    waitingFetches.get(context)?.delete(this.serviceName);
    // Nothing may escape: this runs from process.nextTick, where a throw would end the process.
    try {
      const merged =
        fetches.length > 1 ? mergeEntityFetches(fetches.map((f) => f.options.request)) : undefined;
      if (!merged) {
        for (const fetch of fetches) super.process(fetch.options).then(fetch.resolve, fetch.reject);
        return;
      }
      const [first] = fetches;
      const request = { ...first.options.request, ...merged.request };
      const answers = merged.split(await super.process({ ...first.options, request }));
      fetches.forEach((fetch, i) => fetch.resolve(answers[i]));
    } catch (error) {
      for (const fetch of fetches) fetch.reject(error);
    }
  }

  private send(options: ProcessOptions, claims?: WriteClaims) {
    return super.process(claims ? withClaims(options, claims) : options);
  }

  override errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0],
  ) {
    return subgraphRefusal(this.serviceName, response);
  }

  override parseBody(...[response, request, context]: ParseBody) {
    if (context && response instanceof SubgraphResponse) response.within(this.budgetOf(context));
    return super.parseBody(response, request, context);
  }

  private budgetOf(context: object) {
    return ResponseBytes.of(context, this.limits.maxResponseBytes, this.inFlight);
  }

  override willSendRequest(options: SendRequest) {
    const { request, context } = options;
    // A request already over its budget asks no more.
    this.budgetOf(context).spend(0, this.serviceName);
    if (!context.identity) return;
    const { keyId, role } = context.identity;
    const { unresolved } = context;
    // Set by `send` on the options of a record write only (record-sources.ts).
    const { sourceConflicts, unchangedOnly } = options as Partial<WriteClaims>;
    const claims = { keyId, role, unresolved, sourceConflicts, unchangedOnly };
    request.http?.headers.set(IDENTITY_CLAIMS_HEADER, JSON.stringify(claims));
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

export interface SubgraphGatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph is called, by name (subgraphUrls). */
  urls: Record<string, string>;
  identitySecret: string;
  limits: FetchLimits;
  /** Subgraph fetches one operation's plan may make (MAX_SUBGRAPH_FETCHES). */
  maxSubgraphFetches: number;
  /** Subgraph answers all client requests of this process hold at once (MAX_BYTES_IN_FLIGHT). */
  inFlight: BytesInFlight;
}

/** Apollo's gateway over the supergraph, each subgraph called through a SubgraphDataSource. */
export function subgraphGateway(options: SubgraphGatewayOptions, metrics: Metrics): ApolloGateway {
  const fetchMetrics = {
    duration: metrics.histogram(
      "subgraph_fetch_duration_seconds",
      "Gateway to subgraph fetch latency",
      ["subgraph"],
    ),
    failures: metrics.counter(
      "subgraph_fetch_failures_total",
      "Failed gateway to subgraph fetches",
      ["subgraph", "code"],
    ),
  };
  const checkFanOut = fanOutLimit(options.maxSubgraphFetches);
  const peers = new Map<string, SubgraphDataSource>();
  return new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    // Planned, not yet fetched: too wide a plan is refused here, before any subgraph is called.
    experimental_didResolveQueryPlan: (planned) => {
      checkFanOut(planned);
      rememberQueryPlan(planned);
    },
    buildService: ({ name, url }) => {
      const source = new SubgraphDataSource(
        name,
        options.urls[name] ?? (url as string),
        options.identitySecret,
        options.limits,
        fetchMetrics,
        options.inFlight,
        peers,
      );
      peers.set(name, source);
      return source;
    },
  });
}

/** Subgraph URLs as the gateway calls them: the supergraph's, overridden by `overrides`. */
export function subgraphUrls(
  supergraphSdl: string,
  overrides: Record<string, string | undefined>,
): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) {
    urls[match[1]] = overrides[match[1]] ?? match[2];
  }
  return urls;
}
