import { createRequire } from "node:module";
import type * as OtlpHttp from "@opentelemetry/exporter-trace-otlp-http";
import type * as Http from "@opentelemetry/instrumentation-http";
import type * as Pg from "@opentelemetry/instrumentation-pg";
import type * as Undici from "@opentelemetry/instrumentation-undici";
import type * as Sdk from "@opentelemetry/sdk-node";

export interface TracingConfig {
  enabled: boolean;
  serviceName: string;
  /** OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT), or printed to stdout. */
  exporter: "otlp" | "console";
}

/**
 * OpenTelemetry tracing: spans for incoming HTTP, the gateway's fetch() calls to subgraphs
 * (undici, carrying W3C trace context) and every SQL statement. Started by the entry points
 * before anything imports http, undici or pg: instrumentation patches them as they load.
 * Returns what flushes the spans still buffered, which the entry points call before exiting.
 */
export function startTracing(config: TracingConfig): () => Promise<void> {
  if (!config.enabled) return async () => undefined;
  // Loaded only when tracing is on: the SDK and its instrumentations are ~1,800 modules, half a
  // CPU second of every process's start. Synchronously (require), so that it still patches http,
  // undici and pg before they load.
  const load = createRequire(__filename);
  const { NodeSDK, tracing } = load("@opentelemetry/sdk-node") as typeof Sdk;
  const { OTLPTraceExporter } = load("@opentelemetry/exporter-trace-otlp-http") as typeof OtlpHttp;
  const { HttpInstrumentation } = load("@opentelemetry/instrumentation-http") as typeof Http;
  const { PgInstrumentation } = load("@opentelemetry/instrumentation-pg") as typeof Pg;
  const { UndiciInstrumentation } = load("@opentelemetry/instrumentation-undici") as typeof Undici;
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    traceExporter:
      config.exporter === "console" ? new tracing.ConsoleSpanExporter() : new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation(),
      new UndiciInstrumentation(),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
  return () => sdk.shutdown();
}
