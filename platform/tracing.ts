import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { NodeSDK, tracing } from "@opentelemetry/sdk-node";

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
