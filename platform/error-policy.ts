import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { CLIENT_CODES, ErrorCode } from "./errors";
import { postgresFailure } from "./postgres-errors";

export { CLIENT_CODES };

export interface RequestScoped extends BaseContext {
  requestId: string;
}

/**
 * Timeouts and an unreachable database get their own codes; any other internal error is masked
 * in production (the client gets the request id, the log gets the details).
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const database = postgresFailure(unwrapResolverError(error));
    // A refused constraint is the write path's to answer, with the input's problems.
    if (database && database.code !== ErrorCode.BAD_USER_INPUT) {
      return { ...formatted, message: database.message, extensions: { code: database.code } };
    }
    const code = String(formatted.extensions?.code ?? "INTERNAL_SERVER_ERROR");
    if (!production || CLIENT_CODES.has(code)) return formatted;
    return {
      message: "internal server error",
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
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
