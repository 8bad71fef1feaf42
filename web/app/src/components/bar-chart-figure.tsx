import { useId } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ChartRow, ChartSeries } from "../lib/chart-data";
import { useMediaQuery } from "../lib/use-media-query";
import { TICK_LINE, WrappedTick, wrapLabel } from "./wrapped-tick";

/**
 * A bar chart with its caption and, for screen readers and the curious, the same numbers as a
 * table (with the columns that are not plotted). `horizontal` puts long labels (names) on the
 * vertical axis; `stacked` piles the plotted series of a row into one bar.
 */
export function BarChartFigure({
  title,
  labelName,
  data,
  series,
  horizontal = false,
  stacked = false,
}: {
  title: string;
  labelName: string;
  data: ChartRow[];
  series: ChartSeries[];
  horizontal?: boolean;
  stacked?: boolean;
}) {
  const captionId = useId();
  // On a phone the names' axis leaves the bars room.
  const labelWidth = useMediaQuery("(max-width: 40rem)") ? 110 : 170;
  const plotted = series.filter((s) => s.plotted !== false);
  // Each bar's row as tall as its wrapped label: long names never overlap their neighbours.
  const rowHeight = (label: string) => wrapLabel(label, labelWidth - 8).length * TICK_LINE + 14;
  const rows = data.map((row) => Math.max(44, rowHeight(row.label)));
  const height = horizontal ? Math.max(160, Math.max(0, ...rows) * data.length + 40) : 280;
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{title}</figcaption>
      {data.length === 0 && <p className="muted">No figures yet.</p>}
      <div className="chart-area" aria-hidden="true">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={data}
            layout={horizontal ? "vertical" : "horizontal"}
            margin={{ top: 8, right: 16, bottom: 8, left: horizontal ? 8 : -16 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="var(--rule)" />
            {horizontal ? (
              <>
                <XAxis type="number" allowDecimals={false} stroke="var(--muted)" />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={labelWidth}
                  stroke="var(--muted)"
                  interval={0}
                  tick={<WrappedTick width={labelWidth} />}
                />
              </>
            ) : (
              <>
                <XAxis dataKey="label" stroke="var(--muted)" />
                <YAxis allowDecimals={false} stroke="var(--muted)" />
              </>
            )}
            <Tooltip cursor={{ fill: "var(--highlight)" }} />
            {plotted.length > 1 && <Legend />}
            {plotted.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.color ?? "var(--accent)"}
                stackId={stacked ? "stack" : undefined}
                isAnimationActive={false}
                maxBarSize={horizontal ? 28 : undefined}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartNumbers labelName={labelName} data={data} series={series} />
    </figure>
  );
}

/** The chart's numbers as a table, every series (plotted or not) a column. */
function ChartNumbers({
  labelName,
  data,
  series,
}: {
  labelName: string;
  data: ChartRow[];
  series: ChartSeries[];
}) {
  return (
    <details>
      <summary>The numbers</summary>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{labelName}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {series.map((s) => (
                  <td key={s.key}>{row[s.key] ?? "–"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
