import { ErrorCode, apiError } from "../platform/errors";

type FetchResponse = {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
};

/**
 * A subgraph that refuses a request (HTTP 4xx/5xx, e.g. a literal its scalar rejects) answered
 * with GraphQL errors: the client gets the first of them with its code, never the subgraph's
 * URL or raw body, which Apollo's default puts in `extensions.response`.
 */
export async function subgraphRefusal(name: string, response: FetchResponse) {
  let first: { message?: unknown; extensions?: { code?: unknown } } | undefined;
  try {
    first = (JSON.parse(await response.text()) as { errors?: (typeof first)[] }).errors?.[0];
  } catch {
    first = undefined;
  }
  const code = typeof first?.extensions?.code === "string" ? first.extensions.code : undefined;
  const fallback = response.status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR;
  return apiError(
    (code as ErrorCode | undefined) ?? fallback,
    typeof first?.message === "string"
      ? first.message
      : `the ${name} subgraph answered HTTP ${response.status}`,
    { serviceName: name },
  );
}
