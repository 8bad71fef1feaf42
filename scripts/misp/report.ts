/** What the galaxy names that the graph cannot hold as given, by kind, with the actors naming it. */
export type UnresolvedKind =
  "countries" | "producers" | "categories" | "confidences" | "refs" | "aliases" | "limits";

export class Unresolved {
  readonly byKind = new Map<UnresolvedKind, Map<string, Set<string>>>();

  add(kind: UnresolvedKind, name: string, actor: string): void {
    if (!this.byKind.has(kind)) this.byKind.set(kind, new Map());
    const names = this.byKind.get(kind)!;
    if (!names.has(name)) names.set(name, new Set());
    names.get(name)!.add(actor);
  }

  count(kind: UnresolvedKind): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  /** `countries: 3 ("Middle East" ×10 actors, "Bank of America" ×1, ...)`, most frequent first. */
  lines(examples = 8): string[] {
    return [...this.byKind].map(([kind, names]) => {
      const sorted = [...names].sort(([a, x], [b, y]) => y.size - x.size || a.localeCompare(b));
      const shown = sorted
        .slice(0, examples)
        .map(([name, actors]) => `"${name}" ×${actors.size}`)
        .join(", ");
      return `${kind}: ${names.size} (${shown}${names.size > examples ? ", ..." : ""})`;
    });
  }
}

export type Outcome = "CREATED" | "UPDATED" | "ENRICHED" | "UNCHANGED" | "FAILED";

export interface ConnectorReport {
  clusters: number;
  created: number;
  updated: number;
  enriched: number;
  unchanged: number;
  failed: { actor: string; error: string }[];
  /** Curated actors a cluster enriched: `apt40 ← APT40 (external id)`. */
  matched: { actor: string; cluster: string; by: string }[];
  governmentsCreated: string[];
  conflicts: string[];
  /** Names two or more clusters (or a cluster and a curated actor) share, marked ambiguous. */
  ambiguous: { name: string; actors: string[] }[];
  unresolved: Unresolved;
  /** Connector-managed actors whose cluster this galaxy no longer has: left as they are. */
  orphans: string[];
}

export const changes = (r: ConnectorReport) => r.created + r.updated + r.enriched;

/** The closing lines the connector prints. */
export function summaryLines(r: ConnectorReport, dryRun: boolean): string[] {
  const would = dryRun ? "would be " : "";
  return [
    `${dryRun ? "dry run" : "done"}: ${r.clusters} clusters: ${r.created} ${would}created, ${r.updated} ${would}updated, ${r.enriched} ${would}enriched, ${r.unchanged} unchanged, ${r.failed.length} failed; ${r.governmentsCreated.length} governments ${would}created`,
    `matched ${r.matched.length} curated actors: ${r.matched.map((m) => `${m.actor} ← ${m.cluster} (${m.by})`).join(", ") || "none"}`,
    ...(r.governmentsCreated.length
      ? [`governments created: ${r.governmentsCreated.join(", ")}`]
      : []),
    `ambiguous aliases: ${r.ambiguous.length}${
      r.ambiguous.length
        ? ` (${r.ambiguous
            .slice(0, 5)
            .map((a) => `"${a.name}": ${a.actors.join(", ")}`)
            .join("; ")}${r.ambiguous.length > 5 ? "; ..." : ""})`
        : ""
    }`,
    ...r.conflicts.map((c) => `conflict: ${c}`),
    ...(r.orphans.length
      ? [
          `no longer in the galaxy, left as they are: ${r.orphans.length} (${r.orphans.slice(0, 10).join(", ")}${r.orphans.length > 10 ? ", ..." : ""})`,
        ]
      : []),
    ...(r.unresolved.byKind.size
      ? ["unresolved:", ...r.unresolved.lines().map((line) => `  ${line}`)]
      : ["unresolved: none"]),
    ...r.failed.map((f) => `  FAILED ${f.actor}: ${f.error}`),
  ];
}
