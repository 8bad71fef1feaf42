import { GraphQLError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export function notFound(type: string, id: string): GraphQLError {
  return new GraphQLError(`${type} "${id}" does not exist`, {
    extensions: { code: ErrorCode.NOT_FOUND, type, id },
  });
}

/** `field` is the argument path, e.g. `filter.issuedBetween.from`. */
export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field },
  });
}
