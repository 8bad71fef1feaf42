export interface Counted {
  label: string;
  count: number;
}

/** How many items per year, every year from the first to the last (0 for a quiet year). */
export function countPerYear(years: readonly number[]): Counted[] {
  if (years.length === 0) return [];
  const counts = new Map<number, number>();
  for (const year of years) counts.set(year, (counts.get(year) ?? 0) + 1);
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, index) => ({
    label: String(first + index),
    count: counts.get(first + index) ?? 0,
  }));
}

/** The `limit` most frequent names, most frequent first (ties by name). */
export function mostFrequent(names: readonly string[], limit = 10): Counted[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, limit);
}
