import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { GatewayPlugin } from "@graphql-hive/gateway";
import { IDENTITY_HEADER } from "../platform/identity";
import { signForSubgraph } from "./identity";

export interface PeerGateway {
  url: string;
  stop(): Promise<void>;
}

const JOIN_GRAPH = /@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g;

/** The supergraph with each subgraph's URL replaced by the running one. */
export function withSubgraphUrls(supergraphSdl: string, urls: Record<string, string>): string {
  return supergraphSdl.replace(JOIN_GRAPH, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

/**
 * Signs each of Hive Gateway's subgraph fetches as our gateway signs its own: the anonymous
 * reader, for the subgraph the fetch goes to (known by its URL in the supergraph) and for the
 * body as sent. `onFetch` of a plugin given in `plugins` runs after every built-in one, so the
 * body it sees is the final one. A fetch to no subgraph's URL is left unsigned, and a subgraph
 * refuses it.
 */
export function useSubgraphSignatures(
  supergraphSdl: string,
  identitySecret: string,
): GatewayPlugin {
  const subgraphByUrl = new Map<string, string>();
  for (const [, name, url] of supergraphSdl.matchAll(JOIN_GRAPH)) subgraphByUrl.set(url, name);
  return {
    onFetch({ url, options, setOptions }) {
      const audience = subgraphByUrl.get(url);
      if (!audience) return;
      const body = options.body;
      if (typeof body !== "string" && !(body instanceof Uint8Array)) {
        throw new Error(`${audience}: cannot sign a subgraph request body that is not bytes`);
      }
      setOptions({
        ...options,
        headers: {
          ...options.headers,
          [IDENTITY_HEADER]: signForSubgraph(audience, body, identitySecret),
        },
      });
    },
  };
}

export interface PeerOptions {
  /** The IDENTITY_SECRET the subgraphs were started with. */
  identitySecret: string;
  /** 0 picks a free port. */
  port?: number;
  /**
   * "rust": Hive Router's Rust query planner (`@graphql-hive/router-runtime`) plans and runs the
   * queries instead of Hive Gateway's JavaScript planner; everything else is the same.
   */
  planner?: PeerPlanner;
}

export type PeerPlanner = "javascript" | "rust";

/** The Guild's Hive Gateway over the same supergraph and subgraphs, served by node:http. */
export async function startPeerGateway(
  supergraphSdl: string,
  { identitySecret, port = 0, planner = "javascript" }: PeerOptions,
): Promise<PeerGateway> {
  // Loaded when a peer runs (~0.6 s): every bench command's --help and usage errors stay quick.
  const { createGatewayRuntime } = await import("@graphql-hive/gateway");
  const { unifiedGraphHandler } = await import("@graphql-hive/router-runtime");
  const gateway = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    landingPage: false,
    graphiql: false,
    // Hive merges identical in-flight subgraph requests by default, which on a benchmark that
    // repeats one query answers most requests from another's fetch: a cache in all but name.
    transportEntries: { "*.http": { options: { deduplicateInflightRequests: false } } },
    plugins: () => [useSubgraphSignatures(supergraphSdl, identitySecret)],
    ...(planner === "rust" ? { unifiedGraphHandler } : {}),
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/graphql`,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await gateway.dispose();
    },
  };
}
