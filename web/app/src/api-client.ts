import { cacheExchange } from "@urql/exchange-graphcache";
import { relayPagination } from "@urql/exchange-graphcache/extras";
import { Client, fetchExchange, mapExchange } from "urql";
import { keylessTypes } from "./gql/keyless-types";
import { revealHiddenIn } from "./lib/visible-text";

/** Connections the app pages through: each page loaded is merged into the list already shown. */
const pagedConnections = {
  Query: ["statements", "incidents", "threatActors", "legalActions", "attributions"],
  Incident: ["attributions"],
  ThreatActor: ["incidents", "statements", "legalActions"],
  Government: ["attributionsMade", "attributionsReceived", "nationalsCharged"],
  Person: ["roles"],
};

/**
 * urql with Graphcache over the gateway on this origin. Records are keyed by `__typename` and
 * `id` (unique per type); types without an id are embedded in the record holding them.
 */
export function createApiClient(url = "/graphql"): Client {
  return new Client({
    url,
    // POST: Apollo's CSRF prevention refuses GET requests without a preflight header.
    preferGetMethod: false,
    exchanges: [
      cacheExchange({
        keys: {
          ...Object.fromEntries(keylessTypes.map((name) => [name, () => null])),
          // A source's id is its key within the dataset, as each record cites it: embedded too.
          Source: () => null,
        },
        resolvers: Object.fromEntries(
          Object.entries(pagedConnections).map(([type, fields]) => [
            type,
            Object.fromEntries(fields.map((field) => [field, relayPagination()])),
          ]),
        ),
      }),
      // Before the cache: every page renders text whose hidden characters show (lib/visible-text).
      mapExchange({ onResult: (result) => ({ ...result, data: revealHiddenIn(result.data) }) }),
      fetchExchange,
    ],
  });
}
