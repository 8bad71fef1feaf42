import type { CombinedError } from "urql";

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** The API's own message and code: what went wrong, said plainly. */
export function QueryError({ error }: { error: CombinedError }) {
  const codes = error.graphQLErrors.map((e) => e.extensions?.code).filter(Boolean);
  return (
    <div className="error" role="alert">
      <p>
        <strong>The API could not answer.</strong>{" "}
        {error.networkError ? "Is the gateway running?" : ""}
      </p>
      <p className="muted">
        {error.message}
        {codes.length > 0 && ` (${codes.join(", ")})`}
      </p>
    </div>
  );
}

/** What went wrong, if anything, and "Loading …" while `loading`. */
export function QueryStatus({
  error,
  loading,
  what,
}: {
  error: CombinedError | undefined;
  loading: boolean;
  what: string;
}) {
  return (
    <>
      {error && <QueryError error={error} />}
      {loading && <Loading what={what} />}
    </>
  );
}

export const isNotFound = (error: CombinedError | undefined) =>
  error?.graphQLErrors.some((e) => e.extensions?.code === "NOT_FOUND") ?? false;
