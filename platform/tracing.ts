import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { NodeSDK, tracing } from "@opentelemetry/sdk-node";
import { getEnvBool } from "./env";

/** Flushes spans still buffered; the entry points call it before exiting. */
export let tracingShutdown: () => Promise<void> = async () => undefined;

/**
 * OpenTelemetry tracing, off unless OTEL_TRACING=true: spans for incoming HTTP, the gateway's
 * fetch() calls to subgraphs (undici, carrying W3C trace context) and every SQL statement,
 * exported over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT) or printed (OTEL_TRACES_EXPORTER=console).
 * Entry points import this module first: instrumentation patches `http` and `pg` as they load.
 */
if (getEnvBool(process.env, "OTEL_TRACING", false)) {
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? "attribution-graph",
    traceExporter:
      process.env.OTEL_TRACES_EXPORTER === "console"
        ? new tracing.ConsoleSpanExporter()
        : new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation(),
      new UndiciInstrumentation(),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
  tracingShutdown = () => sdk.shutdown();
}
