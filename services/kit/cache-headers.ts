import type { ApolloServerPlugin } from "@apollo/server";

/**
 * `Cache-Control` of a subgraph answer, which the gateway's response cache honours: a query
 * answered without errors may be reused for `maxAge` seconds, anything else never. Every field
 * has the same age, so Apollo's cache-control plugin, which computes a hint per resolved field
 * and so wraps every resolver, costs CPU for nothing (BENCHMARKS.md, "Tuning").
 */
export function cacheHeaders(maxAge: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          const reusable =
            maxAge > 0 &&
            operation?.operation === "query" &&
            response.body.kind === "single" &&
            !response.body.singleResult.errors;
          response.http.headers.set(
            "cache-control",
            reusable ? `max-age=${maxAge}, public` : "no-store",
          );
        },
      };
    },
  };
}
