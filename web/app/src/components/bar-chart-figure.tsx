import { useId } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Counted } from "../lib/attribution-stats";

/**
 * A bar chart with its caption and, for screen readers and the curious, the same numbers as a
 * table. `horizontal` puts long labels (names) on the vertical axis.
 */
export function BarChartFigure({
  title,
  data,
  valueName,
  horizontal = false,
}: {
  title: string;
  data: Counted[];
  valueName: string;
  horizontal?: boolean;
}) {
  const captionId = useId();
  const height = horizontal ? Math.max(160, data.length * 34 + 40) : 280;
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{title}</figcaption>
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
                <YAxis type="category" dataKey="label" width={150} stroke="var(--muted)" />
              </>
            ) : (
              <>
                <XAxis dataKey="label" stroke="var(--muted)" />
                <YAxis allowDecimals={false} stroke="var(--muted)" />
              </>
            )}
            <Tooltip cursor={{ fill: "var(--highlight)" }} />
            <Bar dataKey="count" name={valueName} fill="var(--accent)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>The numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{horizontal ? "Name" : "Year"}</th>
              <th scope="col">{valueName}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
