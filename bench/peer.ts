import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createGatewayRuntime } from "@graphql-hive/gateway";

export interface PeerGateway {
  url: string;
  stop(): Promise<void>;
}

/** The supergraph with each subgraph's URL replaced by the running one. */
export function withSubgraphUrls(supergraphSdl: string, urls: Record<string, string>): string {
  return supergraphSdl.replace(
    /@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g,
    (whole, name: string) =>
      urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

/** The Guild's Hive Gateway over the same supergraph and subgraphs, served by node:http. */
export async function startPeerGateway(supergraphSdl: string, port = 0): Promise<PeerGateway> {
  const gateway = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    landingPage: false,
    graphiql: false,
    // Hive merges identical in-flight subgraph requests by default, which on a benchmark that
    // repeats one query answers most requests from another's fetch: a cache in all but name.
    transportEntries: { "*.http": { options: { deduplicateInflightRequests: false } } },
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
