import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCode, sendErrorBody } from "./errors";

type Check = () => Promise<Record<string, unknown>>;

function sendOk(res: ServerResponse, body: object) {
  res.setHeader("content-type", "application/json");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}

/**
 * `/health/live` answers while the process serves HTTP; `/health/ready` (and `/health`, where a
 * person looks first) runs `ready` (database, subgraphs) and answers 503 with the reason when
 * something it needs is down. A check may answer `status: "degraded"`: still 200, the replica
 * serves without something optional (Redis).
 */
export function healthRoutes(ready: Check) {
  const readiness = async (_req: IncomingMessage, res: ServerResponse) => {
    try {
      sendOk(res, { status: "ok", ...(await ready()) });
    } catch (error) {
      sendErrorBody(
        res,
        {
          status: 503,
          code: ErrorCode.SERVICE_UNAVAILABLE,
          message: error instanceof Error ? error.message : String(error),
        },
        {
          headers: { "cache-control": "no-store" },
          body: ({ message }) => ({ status: "unavailable", reason: message }),
        },
      );
    }
  };
  return {
    "/health": readiness,
    "/health/live": (_req: IncomingMessage, res: ServerResponse) => sendOk(res, { status: "ok" }),
    "/health/ready": readiness,
  };
}

/** Rejects after `ms`: readiness must answer quickly even when a dependency hangs. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref(),
    ),
  ]);
}
