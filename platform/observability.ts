import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import pino, { type DestinationStream, type Logger } from "pino";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { CLIENT_CODES, type RequestScoped } from "./error-policy";
import { ErrorCode } from "./errors";

/**
 * Operation names a metric label may carry: the README's and the CLIs' operations, plus any
 * named in METRICS_OPERATIONS. Any other name counts as "other": a client choosing names must not
 * grow the metrics (20 requests with 200 KB names once grew /metrics to 60 MB).
 */
export const KNOWN_OPERATIONS = [
  "IncidentStory",
  "GovernmentStory",
  "ActorStory",
  "SearchStory",
  "ByGlobalId",
  "UpsertStatement",
  "Import",
  "Export",
];

export function knownOperations(extra: readonly string[] = []): ReadonlySet<string> {
  return new Set([...KNOWN_OPERATIONS, ...extra]);
}

export function operationLabel(
  name: string | null | undefined,
  known: ReadonlySet<string>,
): string {
  if (!name) return "anonymous";
  return known.has(name) ? name : "other";
}

const CODES = new Set<string>(Object.values(ErrorCode));

let destination: DestinationStream | undefined;

/** Where loggers created from now on write (stdout by default); tests read the lines. */
export function setLogDestination(stream: DestinationStream | undefined) {
  destination = stream;
}

/** Structured JSON logs at `level` (LOG_LEVEL); every line of a request carries its request id. */
export function createLogger(service: string, level = "info"): Logger {
  const options = { level, base: { service } };
  return destination ? pino(options, destination) : pino(options);
}

/** One registry per service: tests run the four services in one process. */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: "graphql_requests_total",
      help: "GraphQL requests by operation name and outcome",
      labelNames: ["operation", "outcome"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "graphql_request_duration_seconds",
      help: "GraphQL request latency by operation name",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: "graphql_errors_total",
      help: "GraphQL errors by extensions.code",
      labelNames: ["code"],
      registers: [registry],
    }),
    gauge: (name: string, help: string, labelNames: string[], collect: (g: Gauge) => void) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        collect() {
          collect(this);
        },
      }),
    histogram: (name: string, help: string, labelNames: string[]) =>
      new Histogram({ name, help, labelNames, registers: [registry] }),
    counter: (name: string, help: string, labelNames: string[]) =>
      new Counter({ name, help, labelNames, registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * `/metrics`, behind `Authorization: Bearer <token>` when a token is set; with `token: null`
 * (production without METRICS_TOKEN) it is not served at all.
 */
export function metricsRoute(metrics: Metrics, token?: string | null) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (token === null || (token !== undefined && !bearerMatches(req, token))) {
      res.statusCode = token === null ? 404 : 401;
      res.setHeader("content-type", "text/plain");
      return void res.end(
        token === null
          ? "metrics need METRICS_TOKEN in production\n"
          : "metrics need Authorization: Bearer <METRICS_TOKEN>\n",
      );
    }
    res.setHeader("content-type", metrics.registry.contentType);
    res.end(await metrics.registry.metrics());
  };
}

function bearerMatches(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A request that took this long gets a log line at `info` even when it succeeded. */
export const SLOW_REQUEST_MS = 1000;

/**
 * Counts and times every operation; logs unexpected errors with their stack. One line per
 * request: at `debug` (LOG_LEVEL=debug shows every request), at `info` when slow, at `warn`
 * when it failed, so that a console at the default level shows what needs a look.
 */
export function observabilityPlugin<C extends RequestScoped>(
  logger: Logger,
  metrics: Metrics,
  knownOperations: ReadonlySet<string> = new Set(KNOWN_OPERATIONS),
): ApolloServerPlugin<C> {
  return {
    // Refused before a context exists (a bad key, a rate limit, an unsigned subgraph request):
    // counted by code like any other error.
    async contextCreationDidFail({ error }) {
      const code = String(
        (error as { extensions?: { code?: unknown } }).extensions?.code ??
          ErrorCode.INTERNAL_SERVER_ERROR,
      );
      metrics.errors.inc({ code: CODES.has(code) ? code : "OTHER" });
    },
    async requestDidStart({ contextValue, request }) {
      const started = process.hrtime.bigint();
      const log = logger.child({ requestId: contextValue.requestId });
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
            metrics.errors.inc({ code: CODES.has(code) ? code : "OTHER" });
            if (CLIENT_CODES.has(code)) continue;
            const original = unwrapResolverError(error);
            log.error(
              { path: error.path, err: original instanceof Error ? original : undefined },
              original instanceof Error ? original.message : String(original),
            );
          }
        },
        async willSendResponse({ response, operationName }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const operation = operationLabel(operationName ?? request.operationName, knownOperations);
          const failed =
            response.body.kind === "single" && Boolean(response.body.singleResult.errors?.length);
          metrics.requests.inc({ operation, outcome: failed ? "error" : "ok" });
          metrics.duration.observe({ operation }, seconds);
          const ms = Math.round(seconds * 1000);
          const fields = { operation, ms, failed };
          if (failed && protocolOnly(response.body)) log.info(fields, "graphql request refused");
          else if (failed) log.warn(fields, "graphql request failed");
          else if (ms >= SLOW_REQUEST_MS) log.info(fields, "slow graphql request");
          else log.debug(fields, "graphql request");
        },
      };
    },
  };
}

/** Codes of the persisted-query protocol: a client's normal round trip, logged at info. */
const PROTOCOL_CODES = new Set(["PERSISTED_QUERY_NOT_FOUND", "BAD_REQUEST"]);

function protocolOnly(body: { kind: string; singleResult?: { errors?: readonly unknown[] } }) {
  const errors = body.kind === "single" ? (body.singleResult?.errors ?? []) : [];
  return errors.every((error) =>
    PROTOCOL_CODES.has(String((error as { extensions?: { code?: unknown } }).extensions?.code)),
  );
}
