interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

interface LoadMoreProps {
  pageInfo: PageInfo | undefined;
  shown: number;
  total: number | undefined;
  fetching: boolean;
  /** What the list holds, for the button's name: "statements". */
  what: string;
  onLoadMore(cursor: string): void;
}

/** Asks for the page after the last item shown; the new items join the list (Graphcache). */
export function LoadMore({ pageInfo, shown, total, fetching, what, onLoadMore }: LoadMoreProps) {
  if (!pageInfo?.hasNextPage || !pageInfo.endCursor) return null;
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
      {total !== undefined && (
        <span className="muted">
          {" "}
          ({shown} of {total} shown)
        </span>
      )}
    </button>
  );
}
