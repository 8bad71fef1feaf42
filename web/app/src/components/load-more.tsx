interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

interface LoadMoreProps {
  /** The list as loaded so far (pages merged by Graphcache). */
  connection:
    { pageInfo: PageInfo; totalCount: number; nodes: readonly unknown[] } | null | undefined;
  fetching: boolean;
  /** What the list holds, for the button's name: "statements". */
  what: string;
  onLoadMore(cursor: string): void;
}

/** Asks for the page after the last item shown; the new items join the list (Graphcache). */
export function LoadMore({ connection, fetching, what, onLoadMore }: LoadMoreProps) {
  const pageInfo = connection?.pageInfo;
  if (!connection || !pageInfo?.hasNextPage || !pageInfo.endCursor) return null;
  const cursor = pageInfo.endCursor;
  return (
    <button
      type="button"
      className="load-more"
      disabled={fetching}
      aria-busy={fetching}
      onClick={() => onLoadMore(cursor)}
    >
      {fetching ? "Loading…" : `Load more ${what}`}
      <span className="muted">
        {" "}
        ({connection.nodes.length} of {connection.totalCount} shown)
      </span>
    </button>
  );
}
