import { inject } from "vitest";
import {
  type GraphQLResponse,
  type GraphQLRequest,
  postGraphQL,
} from "../../scripts/graphql-client";
import { databaseConfig } from "../../harness/database";
import {
  type FederationOptions,
  type LocalFederation,
  startLocalFederation,
} from "../../harness/federation";
import type { DatabaseConfig } from "../../platform/database";
import { IDENTITY_HEADER, type Identity, signRequest } from "../../platform/identity";

/** Shared by every test federation's gateway and subgraphs, so a test can sign as the gateway. */
export const TEST_IDENTITY_SECRET = "test-identity-secret-shared-by-gateway-and-subgraphs";

export type TestFederation = LocalFederation;

/**
 * The harness's federation over `databaseUrl` (the shipped dataset by default, or `database`) as
 * tests want it: introspection on, the gateway's own limits, and no response cache (most tests
 * measure what a read costs; test/e2e/gateway/response-cache.test.ts turns the cache on).
 */
export function startTestFederation(
  databaseUrl: string = inject("datasetUrl"),
  { database, ...overrides }: Partial<FederationOptions> & { database?: DatabaseConfig } = {},
): Promise<TestFederation> {
  return startLocalFederation(database ?? databaseConfig(databaseUrl), {
    introspection: true,
    limits: {},
    responseCache: false,
    identitySecret: TEST_IDENTITY_SECRET,
    ...overrides,
  });
}

/**
 * POSTs `request` straight to a subgraph, signed for `identity` (with TEST_IDENTITY_SECRET), or
 * unsigned without one; `vetted` as the gateway signs the fetches of an operation it admitted.
 */
export function postToSubgraph<T = Record<string, unknown>>(
  subgraph: { name: string; url: string },
  request: GraphQLRequest,
  identity?: Identity,
  { vetted = false }: { vetted?: boolean } = {},
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify(request);
  const headers = identity
    ? {
        [IDENTITY_HEADER]: signRequest(identity, {
          audience: subgraph.name,
          body,
          secret: TEST_IDENTITY_SECRET,
          vetted,
        }),
      }
    : undefined;
  return postGraphQL<T>(subgraph.url, request, { headers });
}
