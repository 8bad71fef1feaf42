import type { ServerResponse } from "node:http";
import { GraphQLError } from "graphql";

/**
 * Every `extensions.code` the project answers with. Apollo's own codes (parse and validation
 * failures, persisted queries, bad requests) are listed too: they reach clients unmasked.
 */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  BAD_REQUEST: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  PERSISTED_QUERY_NOT_SUPPORTED: "PERSISTED_QUERY_NOT_SUPPORTED",
  OPERATION_RESOLUTION_FAILURE: "OPERATION_RESOLUTION_FAILURE",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  RESPONSE_TOO_LARGE: "RESPONSE_TOO_LARGE",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  BATCH_TOO_LARGE: "BATCH_TOO_LARGE",
  RATE_LIMITED: "RATE_LIMITED",
  TIMEOUT: "TIMEOUT",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes a client may see as they are; anything else is masked in production. */
export const CLIENT_CODES: ReadonlySet<string> = new Set(
  Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
);

/** The one way this project builds an error it sends: a code, an HTTP status when it has one. */
export function apiError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  status?: number,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) },
  });
}

export function notFound(type: string, id: string): GraphQLError {
  return apiError(ErrorCode.NOT_FOUND, `${type} "${id}" does not exist`, { type, id });
}

/** `field` is the argument path, e.g. `filter.issuedBetween.from`. */
export function badUserInput(field: string, message: string, status?: number): GraphQLError {
  return apiError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field }, status);
}

export const unauthenticated = (message: string, status?: number) =>
  apiError(ErrorCode.UNAUTHENTICATED, message, {}, status);

export const forbidden = (message: string, status?: number) =>
  apiError(ErrorCode.FORBIDDEN, message, {}, status);

/** An error answered over plain HTTP, outside GraphQL execution. */
export interface HttpErrorAnswer {
  status: number;
  /** One of ErrorCode (a TAXII error may have none). */
  code?: string;
  message: string;
  requestId?: string;
}

export interface ErrorBodyOptions {
  /** `application/json` unless the protocol has its own (TAXII's media type). */
  contentType?: string;
  headers?: Record<string, string>;
  /** The body's shape; GraphQL's unless the protocol has its own (TAXII, health checks). */
  body?: (error: HttpErrorAnswer) => object;
}

/** GraphQL's error shape, so that a client reads a refused request as any other error. */
export function graphqlErrorBody({ message, code, requestId }: HttpErrorAnswer): object {
  return { errors: [{ message, extensions: requestId ? { code, requestId } : { code } }] };
}

/** The one writer of every HTTP error body: status, headers, JSON. */
export function sendErrorBody(
  res: ServerResponse,
  error: HttpErrorAnswer,
  {
    contentType = "application/json",
    headers = {},
    body = graphqlErrorBody,
  }: ErrorBodyOptions = {},
): void {
  res.statusCode = error.status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("content-type", contentType);
  res.end(JSON.stringify(body(error)));
}
