import type { Plan } from "./plan";

export type Outcome = "CREATED" | "UPDATED" | "ENRICHED" | "UNCHANGED" | "FAILED";

export interface StixReport {
  plan: Plan;
  /** Of each write of the plan, in its order. */
  outcomes: Outcome[];
  failed: { record: string; error: string }[];
}

/** Records the run created, updated or enriched. */
export const changes = (r: StixReport) =>
  r.outcomes.filter((o) => o === "CREATED" || o === "UPDATED" || o === "ENRICHED").length;

/** The closing lines the connector prints. */
export function summaryLines(r: StixReport, dryRun: boolean): string[] {
  const would = dryRun ? "would be " : "";
  const count = (o: Outcome) => r.outcomes.filter((x) => x === o).length;
  const byType = new Map<string, Map<Outcome, number>>();
  for (const [i, w] of r.plan.writes.entries()) {
    if (!byType.has(w.type)) byType.set(w.type, new Map());
    const counts = byType.get(w.type)!;
    counts.set(r.outcomes[i], (counts.get(r.outcomes[i]) ?? 0) + 1);
  }
  const matched = r.plan.writes.filter((w) => w.mode === "enrich" && w.by && w.by !== "record id");
  return [
    `${dryRun ? "dry run" : "done"}: ${r.plan.writes.length} records: ${count("CREATED")} ${would}created, ${count("UPDATED")} ${would}updated, ${count("ENRICHED")} ${would}enriched, ${count("UNCHANGED")} unchanged, ${count("FAILED")} failed`,
    ...[...byType].map(
      ([type, counts]) =>
        `  ${type}: ${[...counts].map(([o, n]) => `${n} ${o.toLowerCase()}`).join(", ")}`,
    ),
    `matched existing records: ${matched.map((w) => `${w.record.id} ← ${w.label} (${w.by})`).join(", ") || "none"}`,
    ...r.plan.conflicts.map((c) => `conflict: ${c}`),
    ...(r.plan.unmapped.byKind.size
      ? ["not mapped:", ...r.plan.unmapped.lines().map((line) => `  ${line}`)]
      : ["not mapped: none"]),
    ...r.failed.map((f) => `  FAILED ${f.record}: ${f.error}`),
  ];
}
