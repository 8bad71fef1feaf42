import { useEffect } from "react";
import { useQuery } from "urql";
import { BarChartFigure } from "../components/bar-chart-figure";
import { Loading, QueryError } from "../components/query-state";
import { graphql } from "../gql";
import { countPerYear, mostFrequent } from "../lib/attribution-stats";
import { yearOf } from "../lib/partial-date";
import { useDocumentTitle } from "../lib/use-document-title";
import { usePageCursor } from "../lib/use-page-cursor";

// TODO(analytics API): once the root `analytics` field lands, ask it for the medians and counts
// instead of reading every attribution here.
const AllAttributions = graphql(`
  query AnalyticsAttributions($after: String) {
    attributions(first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        issuedAt {
          value
        }
        state {
          id
          name
        }
        statement {
          id
          issuer {
            id
            name
          }
        }
      }
    }
  }
`);

/** At most this many pages of attributions are read for the charts. */
const MAX_PAGES = 20;

/** Charts over every attribution: per year, the most blamed, the most frequent accusers. */
export function AnalyticsPage() {
  useDocumentTitle("Analytics");
  const [after, setAfter] = usePageCursor("analytics");
  const [{ data, fetching, error }] = useQuery({ query: AllAttributions, variables: { after } });
  const attributions = data?.attributions;
  const complete = attributions && !attributions.pageInfo.hasNextPage;
  const pages = attributions ? Math.ceil(attributions.nodes.length / 100) : 0;
  useEffect(() => {
    const next = attributions?.pageInfo.endCursor;
    if (attributions?.pageInfo.hasNextPage && next && !fetching && pages < MAX_PAGES)
      setAfter(next);
  }, [attributions, fetching, pages, setAfter]);
  if (error && !attributions) return <QueryError error={error} />;
  if (!attributions) return <Loading what="attributions" />;
  const nodes = attributions.nodes;
  return (
    <>
      <h1>Analytics</h1>
      <p className="lead">
        {attributions.totalCount} public attributions
        {complete ? "" : ` (${nodes.length} read so far)`}: when governments spoke, whom they
        blamed, and who spoke most often.
      </p>
      <div className="charts">
        <BarChartFigure
          title="Attributions per year"
          valueName="Attributions"
          data={countPerYear(nodes.map((a) => yearOf(a.issuedAt.value)))}
        />
        <BarChartFigure
          title="Most often blamed"
          valueName="Attributions received"
          horizontal
          data={mostFrequent(nodes.flatMap((a) => a.state?.name ?? []))}
        />
        <BarChartFigure
          title="Most frequent accusers"
          valueName="Attributions made"
          horizontal
          data={mostFrequent(nodes.map((a) => a.statement.issuer.name))}
        />
      </div>
    </>
  );
}
