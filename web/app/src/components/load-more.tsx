import { type FragmentType, getFragmentData, graphql } from "../gql";

/** What "load more" needs of a connection's page info: every paged query spreads it. */
export const PageFields = graphql(`
  fragment PageFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** A paged list as loaded so far (pages merged by Graphcache). */
export interface Connection {
  totalCount: number;
  pageInfo: FragmentType<typeof PageFields>;
  nodes: readonly unknown[];
}

interface LoadMoreProps {
  connection: Connection | null | undefined;
  fetching: boolean;
  /** What the list holds, for the button's name: "statements". */
  what: string;
  onLoadMore(cursor: string): void;
}

/** Asks for the page after the last item shown; the new items join the list (Graphcache). */
export function LoadMore({ connection, fetching, what, onLoadMore }: LoadMoreProps) {
  const pageInfo = getFragmentData(PageFields, connection?.pageInfo);
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
