import { inject } from "vitest";
import {
  type FederationOptions,
  type RunningFederation,
  startFederation,
} from "../../gateway/federation";
import { IDENTITY_HEADER, type Identity, signRequest } from "../../services/common/identity";
import { databaseConfig } from "./database";

/** Shared by every test federation's gateway and subgraphs, so a test can sign as the gateway. */
export const TEST_IDENTITY_SECRET = "test-identity-secret-shared-by-gateway-and-subgraphs";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestFederation extends RunningFederation {
  /** POSTs a GraphQL request to the gateway over HTTP. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; url?: string },
  ): Promise<GraphQLResponse<T>>;
  /** A new API key's token for `role`. */
  token(role: "reader" | "editor" | "admin"): Promise<string>;
  /** Runs `query` and returns the SQL statements all subgraphs ran for it. */
  countStatements(query: string, variables?: Record<string, unknown>): Promise<number>;
}

/** Starts the three subgraphs and the gateway on free ports over `databaseUrl`. */
export async function startTestFederation(
  databaseUrl: string = inject("datasetUrl"),
  overrides: Partial<FederationOptions> = {},
): Promise<TestFederation> {
  const federation = await startFederation({
    database: databaseConfig(databaseUrl),
    host: "127.0.0.1",
    gatewayPort: 0,
    subgraphPorts: { governments: 0, incidents: 0, "legal-actions": 0 },
    migrate: false,
    seed: false,
    introspection: true,
    // Most tests measure what a read costs; test/response-cache.test.ts turns the cache on.
    responseCache: false,
    identitySecret: TEST_IDENTITY_SECRET,
    ...overrides,
  });
  const query = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    options: { token?: string; url?: string } = {},
  ) => {
    const response = await fetch(options.url ?? federation.gatewayUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      ...((await response.json()) as object),
    } as GraphQLResponse<T>;
  };
  return {
    ...federation,
    query,
    token: async (role) => (await federation.keys.create(`test ${role}`, role)).token,
    async countStatements(text, variables) {
      const before = federation.statementCount();
      const result = await query(text, variables);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return federation.statementCount() - before;
    },
  };
}

/**
 * POSTs `request` straight to a subgraph, signed as the gateway signs it for `identity` (with
 * TEST_IDENTITY_SECRET), or unsigned without one.
 */
export async function postToSubgraph<T = Record<string, unknown>>(
  subgraph: { name: string; url: string },
  request: { query: string; variables?: Record<string, unknown> },
  identity?: Identity,
): Promise<GraphQLResponse<T> & { headers: Headers }> {
  const body = JSON.stringify(request);
  const signature = identity
    ? signRequest(identity, { audience: subgraph.name, body, secret: TEST_IDENTITY_SECRET })
    : undefined;
  const response = await fetch(subgraph.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(signature ? { [IDENTITY_HEADER]: signature } : {}),
    },
    body,
  });
  return {
    status: response.status,
    headers: response.headers,
    ...((await response.json()) as object),
  } as GraphQLResponse<T> & { headers: Headers };
}
