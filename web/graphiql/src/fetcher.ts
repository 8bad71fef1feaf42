import type { GraphiQLProps } from "graphiql";

type Fetcher = GraphiQLProps["fetcher"];

/**
 * POSTs each operation to the gateway on this origin, with the headers of GraphiQL's header
 * editor (an `Authorization: Bearer …` key for mutations).
 */
export function fetchFromGateway(url: string): Fetcher {
  return async (params, options) => {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        accept: "application/graphql-response+json, application/json",
        "content-type": "application/json",
        ...options?.headers,
      },
      body: JSON.stringify(params),
    });
    return response.json();
  };
}
