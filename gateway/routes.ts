import type { ApolloServer } from "@apollo/server";
import type { AdmissionControl } from "../platform/admission";
import { healthRoutes, within } from "../platform/health";
import { type Metrics, metricsRoute } from "../platform/observability";
import { type SharedRedis, redisHealth } from "../platform/redis";
import { stixRoutes } from "../stix/taxii/server";
import type { GatewayContext } from "./auth";
import type { GatewaySettings } from "./config";
import type { Limits } from "./limits";
import type { RequestContext } from "./request-context";
import { webRoutes } from "./web-routes";

export interface RouteParts {
  server: ApolloServer<GatewayContext>;
  context: RequestContext;
  admission: AdmissionControl;
  limits: Limits;
  metrics: Metrics;
  /** The subgraphs `/health/ready` asks, by name. */
  subgraphUrls: Record<string, string>;
  redis?: SharedRedis;
  /** Where clients reach the gateway: PUBLIC_URL, else where it listens. */
  publicUrl(): string;
}

/** The plain HTTP routes beside GraphQL: TAXII and STIX, the web build, metrics, health. */
export function gatewayRoutes(config: GatewaySettings, parts: RouteParts) {
  return {
    // TAXII 2.1 (/taxii2/) and per-record STIX bundles (/stix/<globalId>), read through
    // `server` as the caller, in the same admission slots.
    ...stixRoutes({
      server: parts.server,
      context: parts.context,
      admission: parts.admission,
      requestTimeoutMs: parts.limits.requestTimeoutMs,
      taxiiObjectsPerRequest: parts.limits.taxiiObjectsPerRequest,
      maxContentLength: parts.limits.maxBodyBytes,
      maxResponseBytes: parts.limits.maxResponseBytes,
      publicUrl: parts.publicUrl,
    }),
    ...webRoutes({ introspection: config.introspection, root: config.webRoot }),
    "/metrics": metricsRoute(
      parts.metrics,
      config.metricsToken ?? (config.production ? null : undefined),
    ),
    ...healthRoutes(async () => ({
      ...(await subgraphsReady(parts.subgraphUrls)),
      ...(parts.redis ? await redisHealth(parts.redis) : {}),
    })),
  };
}

/** Ready once every subgraph says it is ready, each within 2 s. */
async function subgraphsReady(urls: Record<string, string>) {
  await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const response = await within(fetch(new URL("health/ready", url)), 2_000, `subgraph ${name}`);
      if (!response.ok) throw new Error(`subgraph ${name} is not ready (HTTP ${response.status})`);
    }),
  );
  return { supergraph: "loaded", subgraphs: Object.keys(urls) };
}
