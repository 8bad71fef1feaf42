import { createServer } from "node:http";
import { type FieldDefinitionNode, Kind, type TypeNode, parse, print, visit } from "graphql";
import type { AddressInfo } from "node:net";
import { type GatewayPlugin, createGatewayRuntime } from "@graphql-hive/gateway";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
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
 * The supergraph as the Hive Gateway peers load it. Hive Gateway 2.15 (either planner: both build
 * graphql-tools' stitched schema) answers every request with "Multiple canonical definitions for
 * DelayStatisticsConnection" on schema/supergraph.graphql: a type that several subgraphs share
 * (@shareable) and that only @requires fields return, one per subgraph, is made canonical in
 * each of them. So the peers get the supergraph without such @requires fields but in the first
 * subgraph that has one (today: `Analytics.attributionDelays` of legal-actions goes, its twin
 * `Analytics.legalActionDelays` of governments stays). No benchmark query reads them; `dropped`
 * lists them for the report.
 */
export function peerSupergraph(supergraphSdl: string): { sdl: string; dropped: string[] } {
  const document = parse(supergraphSdl);
  const shared = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const graphs = definition.directives?.filter((d) => d.name.value === "join__type") ?? [];
    if (graphs.length > 1) shared.add(definition.name.value);
  }
  const named = (type: TypeNode): string =>
    type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type);
  const requiresGraph = (field: FieldDefinitionNode) => {
    for (const directive of field.directives ?? []) {
      if (directive.name.value !== "join__field") continue;
      const requires = directive.arguments?.some((a) => a.name.value === "requires");
      const graph = directive.arguments?.find((a) => a.name.value === "graph")?.value;
      if (requires && graph?.kind === Kind.ENUM) return graph.value;
    }
    return undefined;
  };
  const firstGraph = new Map<string, string>();
  const dropped: string[] = [];
  const sdl = print(
    visit(document, {
      FieldDefinition(field, _key, _parent, _path, ancestors) {
        const typeName = named(field.type);
        const graph = requiresGraph(field);
        if (!graph || !shared.has(typeName)) return undefined;
        const first = firstGraph.get(typeName) ?? graph;
        firstGraph.set(typeName, first);
        if (graph === first) return undefined;
        const parent = ancestors.at(-1) as { name?: { value: string } } | undefined;
        dropped.push(`${parent?.name?.value}.${field.name.value}`);
        return null;
      },
    }),
  );
  return { sdl, dropped };
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
