import { useQuery } from "urql";
import { BarChartFigure } from "../../components/bar-chart-figure";
import { Block } from "../../components/block";
import { QueryStatus } from "../../components/query-state";
import { type FragmentType, getFragmentData, graphql } from "../../gql";
import type { DelayGrouping } from "../../gql/graphql";
import type { ChartRow, ChartSeries } from "../../lib/chart-data";
import { GroupingSelect, useGrouping } from "./grouping-select";

const DelayFiguresQuery = graphql(`
  query DelayFigures($groupBy: DelayGrouping!) {
    analytics {
      id
      attributionDelays(groupBy: $groupBy, first: 100) {
        nodes {
          ...DelayStatisticsFields
        }
      }
      legalActionDelays(groupBy: $groupBy, first: 100) {
        nodes {
          ...DelayStatisticsFields
        }
      }
    }
  }
`);

const DelayStatisticsFields = graphql(`
  fragment DelayStatisticsFields on DelayStatistics {
    id
    government {
      id
      name
    }
    year
    count
    undatedIncidents
    medianDays
    minDays
    maxDays
  }
`);

const GROUPINGS: Record<DelayGrouping, string> = {
  ACCUSER: "accusing government",
  ACCUSED_STATE: "accused state",
  YEAR: "year of the first event",
};

const SERIES: ChartSeries[] = [
  { key: "median", name: "Median days" },
  { key: "count", name: "Incidents", plotted: false },
  { key: "min", name: "Fewest days", plotted: false },
  { key: "max", name: "Most days", plotted: false },
  { key: "undated", name: "Undated incidents (left out)", plotted: false },
];

const rowsOf = (
  nodes: readonly FragmentType<typeof DelayStatisticsFields>[] | undefined,
): ChartRow[] =>
  getFragmentData(DelayStatisticsFields, nodes ?? []).map((n) => ({
    label: n.government?.name ?? String(n.year),
    median: n.medianDays ?? null,
    count: n.count,
    min: n.minDays ?? null,
    max: n.maxDays ?? null,
    undated: n.undatedIncidents,
  }));

/** Median days to the first attribution and to the first legal action, by the chosen group. */
export function DelayFigures() {
  const [groupBy, grouping] = useGrouping(GROUPINGS, "ACCUSER");
  const [{ data, fetching, error }] = useQuery({
    query: DelayFiguresQuery,
    variables: { groupBy },
  });
  const analytics = data?.analytics;
  return (
    <Block id="delays-title" title="How long until attribution, and until legal action">
      <GroupingSelect label="Group the delays by" {...grouping} />
      <QueryStatus error={error} loading={!analytics && fetching} what="delays" />
      {analytics && (
        <div className="charts">
          <BarChartFigure
            title={`Median days to the first attribution, by ${GROUPINGS[groupBy]}`}
            labelName={groupBy === "YEAR" ? "Year" : "Government"}
            data={rowsOf(analytics.attributionDelays?.nodes)}
            series={SERIES}
            horizontal={groupBy !== "YEAR"}
          />
          <BarChartFigure
            title={`Median days to the first legal action, by ${GROUPINGS[groupBy]}`}
            labelName={groupBy === "YEAR" ? "Year" : "Government"}
            data={rowsOf(analytics.legalActionDelays?.nodes)}
            series={SERIES}
            horizontal={groupBy !== "YEAR"}
          />
        </div>
      )}
    </Block>
  );
}
