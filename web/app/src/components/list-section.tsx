import type { ReactNode } from "react";
import type { CombinedError } from "urql";
import { LoadMore } from "./load-more";
import { Loading, QueryError } from "./query-state";

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: readonly unknown[];
}

/**
 * A record page's paged list: its heading (with the count when `count`), what went wrong, the
 * items as the caller lays them out, and "load more". `empty` is said when there are none,
 * `loading` shows while the first page comes.
 */
export function ListSection({
  id,
  title,
  what,
  className,
  count = false,
  empty,
  loading = false,
  connection,
  fetching,
  error,
  onLoadMore,
  children,
}: {
  id: string;
  title: ReactNode;
  /** What the list holds: "incidents" ("Load more incidents", "Loading incidents…"). */
  what: string;
  className?: string;
  count?: boolean;
  empty?: string;
  loading?: boolean;
  connection: Connection | null | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  onLoadMore(cursor: string): void;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
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
      <LoadMore what={what} connection={connection} fetching={fetching} onLoadMore={onLoadMore} />
    </section>
  );
}
