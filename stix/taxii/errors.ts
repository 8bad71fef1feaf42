import type { ServerResponse } from "node:http";
import { type HttpErrorAnswer, sendErrorBody } from "../../platform/errors";
import { TAXII_MEDIA_TYPE } from "./media";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** A TAXII error message (TAXII 2.1 § 3.6.1), answered with its HTTP status. */
export class TaxiiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly headers: Record<string, string> = {},
    /** The project's error code (`UNAUTHENTICATED`, `RATE_LIMITED`, ...), as GraphQL gives it. */
    readonly code?: string,
  ) {
    super(description);
  }
}

/** The TAXII error message's shape (TAXII 2.1 § 3.6.1), not GraphQL's. */
function taxiiErrorBody({ status, code, message, requestId }: HttpErrorAnswer) {
  return {
    title: TITLES[status] ?? "Error",
    description: message,
    error_id: requestId,
    ...(code ? { error_code: code } : {}),
    http_status: String(status),
  };
}

export function sendError(res: ServerResponse, error: TaxiiError, requestId: string) {
  if (res.headersSent) return void res.end();
  sendErrorBody(
    res,
    { status: error.status, code: error.code, message: error.description, requestId },
    {
      contentType: TAXII_MEDIA_TYPE,
      headers: { ...error.headers, "cache-control": "no-store" },
      body: taxiiErrorBody,
    },
  );
}
