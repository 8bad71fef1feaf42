import type { ServerResponse } from "node:http";
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

  body(requestId: string) {
    return {
      title: TITLES[this.status] ?? "Error",
      description: this.description,
      error_id: requestId,
      ...(this.code ? { error_code: this.code } : {}),
      http_status: String(this.status),
    };
  }
}

export function sendError(res: ServerResponse, error: TaxiiError, requestId: string) {
  if (res.headersSent) return void res.end();
  res.statusCode = error.status;
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.setHeader("content-type", TAXII_MEDIA_TYPE);
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(error.body(requestId)));
}
