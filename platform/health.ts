import type { IncomingMessage, ServerResponse } from "node:http";

type Check = () => Promise<Record<string, unknown>>;

function send(res: ServerResponse, status: number, body: object) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}

/**
 * `/health/live` answers while the process serves HTTP; `/health/ready` runs `ready` (database,
 * subgraphs) and answers 503 with the reason when something it needs is down.
 */
export function healthRoutes(ready: Check) {
  return {
    "/health/live": (_req: IncomingMessage, res: ServerResponse) =>
      send(res, 200, { status: "ok" }),
    "/health/ready": async (_req: IncomingMessage, res: ServerResponse) => {
      try {
        send(res, 200, { status: "ok", ...(await ready()) });
      } catch (error) {
        send(res, 503, {
          status: "unavailable",
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    },
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
