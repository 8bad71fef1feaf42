import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

// Apollo's gateway reports anonymous usage unless told otherwise; users opt in, not out.
process.env.APOLLO_TELEMETRY_DISABLED ??= "1";

export interface GatewayConfig {
  host: string;
  port: number;
  supergraphSdl: string;
  /** Subgraph URLs by subgraph name, overriding the URLs recorded in the supergraph. */
  subgraphUrls: Record<string, string | undefined>;
  /** Introspection and the Apollo Sandbox landing page. */
  introspection: boolean;
  plugins?: ApolloServerPlugin[];
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

export function createGateway(config: GatewayConfig): ApolloServer {
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({ url: config.subgraphUrls[name] ?? url }),
  });
  return new ApolloServer({
    gateway,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === "development",
    plugins: config.plugins ?? [],
  });
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const server = createGateway(config);
  const { url } = await startStandaloneServer(server, {
    listen: { host: config.host, port: config.port },
  });
  return { url, stop: () => server.stop() };
}
