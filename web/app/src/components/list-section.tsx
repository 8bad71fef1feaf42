import type { ReactNode } from "react";
import type { CombinedError } from "urql";
import { type Connection, LoadMore } from "./load-more";
import { QueryStatus } from "./query-state";

/** Where a paged list stands: what `usePagedQuery` returns. */
interface Page {
  fetching: boolean;
  error?: CombinedError;
  setAfter(cursor: string): void;
}

/**
 * A record page's paged list: its heading (with the count when `count`), what went wrong, the
 * items as the caller lays them out, and "load more". `empty` is said when there are none (null:
 * nothing), `loading` shows while the first page comes. `children` as a function lays out the
 * connection once it came.
 */
export function ListSection<C extends Connection>({
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
  connection: C | null | undefined;
  children: ReactNode | ((connection: C) => ReactNode);
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
      <QueryStatus error={error} loading={loading && !connection && fetching} what={what} />
      {empty && connection?.totalCount === 0 && <p className="muted">{empty}</p>}
      {typeof children === "function" ? connection && children(connection) : children}
      <LoadMore what={what} connection={connection} fetching={fetching} onLoadMore={setAfter} />
    </section>
  );
}
