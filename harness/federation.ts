import {
  type FederationOptions,
  type RunningFederation,
  startFederation,
} from "../gateway/federation";
import type { DatabaseConfig } from "../services/common/database";
import { type GraphQLResponse, postGraphQL } from "../scripts/graphql-client";

export interface LocalFederation extends RunningFederation {
  /** POSTs a GraphQL request to the gateway (or to `url`) over HTTP. */
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

/**
 * The whole federation in this process, three subgraphs and the gateway on free loopback ports,
 * over a database already migrated and loaded. Introspection is off and the per-key rate limit
 * lifted: a benchmark or a soak measures the service, not the limiter (tests turn them back).
 */
export async function startLocalFederation(
  database: DatabaseConfig,
  overrides: Partial<FederationOptions> = {},
): Promise<LocalFederation> {
  const federation = await startFederation({
    database,
    host: "127.0.0.1",
    gatewayPort: 0,
    subgraphPorts: { governments: 0, incidents: 0, "legal-actions": 0 },
    migrate: false,
    seed: false,
    introspection: false,
    limits: { rateLimitPerMinute: 1_000_000_000 },
    ...overrides,
  });
  const query: LocalFederation["query"] = (text, variables, { token, url } = {}) =>
    postGraphQL(url ?? federation.gatewayUrl, { query: text, variables }, { token });
  return {
    ...federation,
    query,
    token: async (role) => (await federation.keys.create(`harness ${role}`, role)).token,
    async countStatements(text, variables) {
      const before = federation.statementCount();
      const result = await query(text, variables);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return federation.statementCount() - before;
    },
  };
}
