import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { QueryFailedError } from "typeorm";

export interface RequestScoped extends BaseContext {
  requestId: string;
}

export const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "TIMEOUT",
  "SERVICE_UNAVAILABLE",
  "RATE_LIMITED",
  "QUERY_TOO_COMPLEX",
  "BATCH_TOO_LARGE",
  "PAYLOAD_TOO_LARGE",
  "RESPONSE_TOO_LARGE",
]);

/**
 * Timeouts and an unreachable database get their own codes; any other internal error is masked
 * in production (the client gets the request id, the log gets the details).
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const driver =
      original instanceof QueryFailedError
        ? (original.driverError as { code?: string })
        : undefined;
    if (driver?.code === "57014") {
      return {
        ...formatted,
        message: "the database did not answer in time (statement timeout)",
        extensions: { code: "TIMEOUT" },
      };
    }
    if (
      original instanceof Error &&
      /timeout exceeded when trying to connect|ECONNREFUSED|Connection terminated/.test(
        original.message,
      )
    ) {
      return {
        ...formatted,
        message: "the database is unavailable; try again shortly",
        extensions: { code: "SERVICE_UNAVAILABLE" },
      };
    }
    const code = String(formatted.extensions?.code ?? "INTERNAL_SERVER_ERROR");
    if (!production || CLIENT_CODES.has(code)) return formatted;
    return {
      message: "internal server error",
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}

/** Every error carries the request id, so a client's report finds the server's log lines. */
export function requestIdPlugin<C extends RequestScoped>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error as { extensions: Record<string, unknown> }).extensions = {
              ...error.extensions,
              requestId: contextValue.requestId,
            };
          }
        },
      };
    },
  };
}
