import type { ReactNode } from "react";
import type { CombinedError } from "urql";
import { type Connection, LoadMore } from "../../components/load-more";
import { QueryStatus } from "../../components/query-state";

/** A group of search results: a heading with its count, the items, and "load more". */
export function ResultGroup({
  id,
  title,
  page: { fetching, error, setAfter },
  connection,
  children,
}: {
  id: string;
  title: string;
  /** Where the search stands: what `usePagedQuery` returns. */
  page: { fetching: boolean; error?: CombinedError; setAfter(cursor: string): void };
  connection: Connection | undefined;
  children: ReactNode;
}) {
  return (
    <section className="result-group" aria-labelledby={id} aria-busy={fetching}>
      <h2 id={id}>
        {title}{" "}
        {connection && (
          <span className="count" aria-live="polite">
            {connection.totalCount}
          </span>
        )}
      </h2>
      <QueryStatus error={error} loading={!connection && fetching} what={title.toLowerCase()} />
      {connection?.totalCount === 0 && <p className="muted">None found.</p>}
      {connection && connection.nodes.length > 0 && <ul className="results">{children}</ul>}
      <LoadMore
        what={title.toLowerCase()}
        connection={connection}
        fetching={fetching}
        onLoadMore={setAfter}
      />
    </section>
  );
}
