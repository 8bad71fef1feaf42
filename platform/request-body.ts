import type { IncomingMessage } from "node:http";
import { ErrorCode } from "./errors";
import { HttpError } from "./intake";

/** One GraphQL operation as the client sent it (a POST body, one item of a batch, or a GET). */
export interface OperationRequest {
  query?: unknown;
  extensions?: unknown;
}

/**
 * The request body, once it has fully arrived: larger than `maxBytes` is 413, slower than
 * `timeoutMs` is 408. Both leave the rest unread and the connection to be closed.
 */
export function readBody(
  req: IncomingMessage,
  { maxBytes, timeoutMs }: { maxBytes: number; timeoutMs?: number },
): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: Error) => {
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("error", finish).off("close", onClose);
      if (error) {
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish(tooLarge(maxBytes));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onClose = () => finish(new HttpError(400, ErrorCode.BAD_REQUEST, "the client left"));
    const timer =
      timeoutMs &&
      setTimeout(
        () =>
          finish(
            new HttpError(
              408,
              ErrorCode.TIMEOUT,
              `the request body did not arrive within ${timeoutMs / 1000} s`,
            ),
          ),
        timeoutMs,
      );
    req.on("data", onData).once("end", onEnd).once("error", finish).once("close", onClose);
  });
}

function tooLarge(limit: number) {
  return new HttpError(413, ErrorCode.PAYLOAD_TOO_LARGE, `the request body exceeds ${limit} bytes`);
}

/**
 * The body as Apollo takes it: parsed JSON for a JSON content type (400 when empty or malformed,
 * BATCH_TOO_LARGE past `maxBatchSize` operations), else the text (Apollo refuses it).
 */
export function parseJsonBody(raw: Buffer, req: IncomingMessage, maxBatchSize = 1): unknown {
  const text = raw.toString("utf8");
  const type = String(req.headers["content-type"] ?? "");
  if (!/^application\/(graphql-response\+)?json\b/i.test(type)) return text;
  if (text.trim() === "")
    throw new HttpError(400, ErrorCode.BAD_REQUEST, "the request body is empty");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new HttpError(
      400,
      ErrorCode.BAD_REQUEST,
      `the request body is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (Array.isArray(parsed) && parsed.length > maxBatchSize) {
    throw new HttpError(
      400,
      ErrorCode.BATCH_TOO_LARGE,
      `a batch may carry at most ${maxBatchSize} operations, got ${parsed.length}`,
    );
  }
  return parsed;
}

/** The operations of a request: a batch's items, a POST body, or a GET's query parameters. */
export function operationsOf(body: unknown, url: URL): OperationRequest[] {
  if (Array.isArray(body)) return body.filter((item) => item && typeof item === "object");
  if (body && typeof body === "object") return [body as OperationRequest];
  if (body !== undefined) return [];
  let extensions: unknown;
  try {
    extensions = JSON.parse(url.searchParams.get("extensions") ?? "null") ?? undefined;
  } catch {
    extensions = undefined; // Apollo answers malformed JSON itself
  }
  return [{ query: url.searchParams.get("query") ?? undefined, extensions }];
}
