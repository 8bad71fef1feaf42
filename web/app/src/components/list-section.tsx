import type { ReactNode } from "react";
import type { CombinedError } from "urql";
import { type Connection, LoadMore } from "./load-more";
import { Loading, QueryError } from "./query-state";

/** Where a paged list stands: what `usePagedQuery` returns. */
interface Page {
  fetching: boolean;
  error?: CombinedError;
  setAfter(cursor: string): void;
}

/**
 * A record page's paged list: its heading (with the count when `count`), what went wrong, the
 * items as the caller lays them out, and "load more". `empty` is said when there are none (null:
 * nothing), `loading` shows while the first page comes.
 */
export function ListSection({
  id,
  title,
  what,
  className = "block",
  count = false,
  empty = "None on record.",
  loading = false,
  page: { fetching, error, setAfter },
  connection,
  children,
}: {
  id: string;
  title: ReactNode;
  /** What the list holds: "incidents" ("Load more incidents", "Loading incidents…"). */
  what: string;
  /** The section's class; null for none. */
  className?: string | null;
  count?: boolean;
  empty?: string | null;
  loading?: boolean;
  page: Page;
  connection: Connection | null | undefined;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className ?? undefined}>
      <h2 id={id}>
        {title}
        {count && connection && (
          <>
            {" "}
            <span className="count">{connection.totalCount}</span>
          </>
        )}
      </h2>
      {error && <QueryError error={error} />}
      {loading && !connection && fetching && <Loading what={what} />}
      {empty && connection?.totalCount === 0 && <p className="muted">{empty}</p>}
      {children}
      <LoadMore what={what} connection={connection} fetching={fetching} onLoadMore={setAfter} />
    </section>
  );
}
