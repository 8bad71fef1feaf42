/** One bar (or stack of bars) of a chart and its row in the table: a label and its numbers. */
export type ChartRow = { label: string } & Record<string, string | number | null>;

export interface ChartSeries {
  /** The row's key for this series' numbers. */
  key: string;
  name: string;
  color?: string;
  /** false: a column of the table only (a minimum beside the plotted median). */
  plotted?: boolean;
}

/** Distinct in light and dark mode, and for the common colour blindnesses (Okabe and Ito). */
const PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#999999"];
const OTHERS = "others";

interface YearCount {
  year: number;
  government?: { id: string; name: string } | null;
  count: number;
}

/**
 * Yearly counts by government as stacked bars: the `top` governments with the most in all
 * years each a series, the rest summed as "Others"; every year from the first to the last,
 * quiet years included.
 */
export function stackByYear(counts: readonly YearCount[], top = 6) {
  const totals = new Map<string, { name: string; count: number }>();
  for (const { government, count } of counts) {
    if (!government) continue;
    const total = totals.get(government.id) ?? { name: government.name, count: 0 };
    totals.set(government.id, { ...total, count: total.count + count });
  }
  const ranked = [...totals].sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b));
  const shown = new Set(ranked.slice(0, top).map(([id]) => id));
  const series: ChartSeries[] = ranked
    .slice(0, top)
    .map(([id, { name }], index) => ({ key: id, name, color: PALETTE[index] }));
  if (ranked.length > top) series.push({ key: OTHERS, name: "Others", color: PALETTE[top] });
  if (counts.length === 0) return { data: [], series };
  const years = counts.map((c) => c.year);
  const first = Math.min(...years);
  const data: ChartRow[] = Array.from({ length: Math.max(...years) - first + 1 }, (_, i) => ({
    label: String(first + i),
    ...Object.fromEntries(series.map((s) => [s.key, 0])),
  }));
  for (const { year, government, count } of counts) {
    if (!government) continue;
    const row = data[year - first];
    const key = shown.has(government.id) ? government.id : OTHERS;
    row[key] = Number(row[key]) + count;
  }
  return { data, series };
}
