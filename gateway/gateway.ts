import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { IDENTITY_HEADER, signIdentity } from "../services/common/identity";
import type { KeyStore } from "./access/keys";
import { type GatewayContext, authenticate, writeAccessPlugin } from "./auth";

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
  keys: KeyStore;
  /** Whether requests without a key may read. */
  anonymousReads: boolean;
  /** Shared with the subgraphs, which accept writes only with an identity signed by it. */
  identitySecret: string;
  plugins?: ApolloServerPlugin<GatewayContext>[];
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

/** Forwards the caller's identity to subgraphs, signed, on every subgraph request. */
class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"] & object>[0]) {
    if (context.identity) {
      request.http?.headers.set(IDENTITY_HEADER, signIdentity(context.identity, this.secret));
    }
  }
}

export function createGateway(config: GatewayConfig): ApolloServer<GatewayContext> {
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name, url }) =>
      new SignedIdentityDataSource(
        config.subgraphUrls[name] ?? (url as string),
        config.identitySecret,
      ),
  });
  return new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === "development",
    plugins: [writeAccessPlugin(), ...(config.plugins ?? [])],
  });
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const server = createGateway(config);
  const { url } = await startStandaloneServer(server, {
    listen: { host: config.host, port: config.port },
    context: async ({ req }) => ({
      identity: await authenticate(req, {
        keys: config.keys,
        anonymousReads: config.anonymousReads,
      }),
    }),
  });
  return { url, stop: () => server.stop() };
}
