import { useQuery } from "urql";
import { BarChartFigure } from "../../components/bar-chart-figure";
import { Block } from "../../components/block";
import { QueryStatus } from "../../components/query-state";
import { graphql } from "../../gql";
import type { AttributionCountGrouping } from "../../gql/graphql";
import { stackByYear } from "../../lib/chart-data";
import { GroupingSelect, useGrouping } from "./grouping-select";

const AttributionsPerYearQuery = graphql(`
  query AttributionsPerYear($groupBy: AttributionCountGrouping!) {
    analytics {
      id
      attributionsPerYear(groupBy: $groupBy, first: 100) {
        nodes {
          id
          year
          government {
            id
            name
          }
          attributions
        }
      }
    }
  }
`);

const GROUPINGS: Record<AttributionCountGrouping, string> = {
  ISSUER: "issuing government",
  ACCUSER: "issuer or cosigner",
  ACCUSED_STATE: "accused state",
};

/** Attributions per year, stacked by issuer (or accuser, or accused state). */
export function AttributionsPerYear() {
  const [groupBy, grouping] = useGrouping(GROUPINGS, "ISSUER");
  const [{ data, fetching, error }] = useQuery({
    query: AttributionsPerYearQuery,
    variables: { groupBy },
  });
  const counts = data?.analytics.attributionsPerYear.nodes;
  const chart =
    counts &&
    stackByYear(
      counts.map((c) => ({ ...c, count: c.attributions })),
      6,
    );
  return (
    <Block id="per-year-title" title="Who attributes, each year">
      <GroupingSelect label="Count the attributions of each" {...grouping} />
      <QueryStatus error={error} loading={!chart && fetching} what="attributions per year" />
      {chart && (
        <BarChartFigure
          title={`Attributions per year, by ${GROUPINGS[groupBy]}`}
          labelName="Year"
          data={chart.data}
          series={chart.series}
          stacked
        />
      )}
    </Block>
  );
}
