import {
  ACTOR_STORY,
  GOVERNMENT_STORY,
  INCIDENT_STORY,
  SEARCH_STORY,
} from "../../harness/queries/cross-source";
import { readBundles } from "../../services/dataset";
import {
  ACTOR_SEARCH,
  ACTOR_SEARCHES,
  INCIDENT_LIST,
  SEARCH_TEXTS,
  SOURCES,
  STATEMENT_LIST,
  STATEMENT_READ,
  UPSERT_STATEMENT,
  VERIFY,
} from "./queries";

/*
 * The workload stays the same from the first minute to the last so that a drift is the service's,
 * not the mix's: new statements attribute a few "write target" incidents, with a "write target"
 * state and no actor, and the story reads (whose attribution lists are unbounded) use the other
 * incidents and governments. Its bookkeeping is bounded too: one small entry per written
 * statement, because in the in-process federation the load generator, the gateway and the three
 * subgraphs share one Node.js process.
 */

/** What the soak reads and writes, taken from the shipped dataset (data/*.json). */
export interface SoakDataset {
  readIncidents: string[];
  readGovernments: string[];
  actors: string[];
  writeIncidents: string[];
  writeState: string;
  issuers: string[];
}

export async function soakDataset(): Promise<SoakDataset> {
  const bundles = (await readBundles()).map(({ bundle }) => bundle);
  const ids = (key: "incidents" | "governments" | "threatActors") =>
    bundles.flatMap((bundle) => (bundle[key] ?? []).map((record) => record.id)).sort();
  const incidents = ids("incidents");
  const governments = ids("governments");
  if (incidents.length < 4 || governments.length < 4) throw new Error("dataset too small");
  // Write targets: three incidents and one state never read by the story queries (the last ones
  // by id, which leaves the README's Exchange story among the reads).
  const writeIncidents = incidents.slice(-3);
  const writeState = governments[governments.length - 1];
  return {
    readIncidents: incidents.filter((id) => !writeIncidents.includes(id)),
    readGovernments: governments.filter((id) => id !== writeState),
    actors: ids("threatActors"),
    writeIncidents,
    writeState,
    issuers: ["us", "gb", "eu", "fr", "de", "au"].filter((id) => governments.includes(id)),
  };
}

/** One request of the mix, named for the per-operation figures. */
export interface SoakRequest {
  operation: string;
  query: string;
  variables: Record<string, unknown>;
}

/** A write, with what its answer must say for it to count as acknowledged. */
export interface SoakWrite extends SoakRequest {
  n: number;
  version: number;
}

/** A statement the soak wrote: `acked` is the last version acknowledged, `attempted` the last sent. */
interface Written {
  acked: number;
  attempted: number;
  incident: string;
  busy: boolean;
}

export type WriteAction = "created" | "updated" | "unchanged";

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];

/** The soak's reads and writes over `dataset`, and what the writes acknowledged. */
export class SoakWorkload {
  private readonly written = new Map<number, Written>();
  /** Statements with at least one acknowledged write, in the order of their first. */
  readonly writtenIds: number[] = [];
  private nextStatement = 0;
  private readonly reads: [number, () => SoakRequest][];
  private readonly readWeight: number;

  constructor(
    private readonly dataset: SoakDataset,
    private readonly runId = Date.now().toString(36),
  ) {
    const read = (operation: string, query: string, variables: Record<string, unknown>) => ({
      operation,
      query,
      variables,
    });
    this.reads = [
      [3, () => read("incident story", INCIDENT_STORY, { id: pick(dataset.readIncidents) })],
      [2, () => read("government story", GOVERNMENT_STORY, { id: pick(dataset.readGovernments) })],
      [2, () => read("actor story", ACTOR_STORY, { id: pick(dataset.actors) })],
      [2, () => read("search story", SEARCH_STORY, { text: pick(SEARCH_TEXTS), first: 10 })],
      [1, () => read("statement list", STATEMENT_LIST, { first: 20 })],
      [1, () => read("incident and legal action lists", INCIDENT_LIST, {})],
      [1, () => read("actor search", ACTOR_SEARCH, { text: pick(ACTOR_SEARCHES) })],
      [
        1,
        () =>
          this.writtenIds.length
            ? read("read own write", STATEMENT_READ, {
                id: this.statementId(pick(this.writtenIds)),
              })
            : read("statement list", STATEMENT_LIST, { first: 5 }),
      ],
    ];
    this.readWeight = this.reads.reduce((sum, [weight]) => sum + weight, 0);
  }

  statementId(n: number) {
    return `soak-${this.runId}-${n}`;
  }

  /** A read, weighted: the stories most, the lists and searches less. */
  read(): SoakRequest {
    let r = Math.random() * this.readWeight;
    for (const [weight, read] of this.reads) {
      if ((r -= weight) < 0) return read();
    }
    return this.reads[0][1]();
  }

  /**
   * Half new statements, half re-upserts of acknowledged ones, never two writes of one statement
   * in flight (so that the last acknowledged version is the one that must be stored). A re-upsert
   * either re-sends the acknowledged version (UNCHANGED) or a new one (UPDATED).
   */
  write(): SoakWrite {
    let n = -1;
    let entry: Written | undefined;
    if (this.writtenIds.length && Math.random() < 0.5) {
      const candidate = pick(this.writtenIds);
      if (!this.written.get(candidate)!.busy) {
        n = candidate;
        entry = this.written.get(candidate)!;
      }
    }
    if (!entry) {
      n = this.nextStatement++;
      entry = { acked: 0, attempted: 0, incident: pick(this.dataset.writeIncidents), busy: false };
      this.written.set(n, entry);
    }
    const version = entry.acked > 0 && Math.random() < 0.5 ? entry.acked : entry.attempted + 1;
    entry.busy = true;
    entry.attempted = Math.max(entry.attempted, version);
    return {
      operation: entry.acked > 0 ? "re-upsert statement" : "upsert new statement",
      query: UPSERT_STATEMENT,
      variables: { input: this.statementInput(n, version, entry.incident), sources: SOURCES },
      n,
      version,
    };
  }

  /** Records the answer's action: what it acknowledged, or undefined (failed, or an unknown action). */
  settle(write: SoakWrite, action: string | undefined): WriteAction | undefined {
    const entry = this.written.get(write.n)!;
    entry.busy = false;
    if (action !== "CREATED" && action !== "UPDATED" && action !== "UNCHANGED") return undefined;
    if (entry.acked === 0) this.writtenIds.push(write.n);
    entry.acked = write.version;
    return action.toLowerCase() as WriteAction;
  }

  /** Reads back every acknowledged write, 100 at a time: the requests, then each page's check. */
  *verification(): Generator<{ request: SoakRequest; check: (data: unknown) => string[] }> {
    for (let i = 0; i < this.writtenIds.length; i += 100) {
      const page = this.writtenIds.slice(i, i + 100);
      const ids = page.map((n) => this.statementId(n));
      yield {
        request: { operation: "verify", query: VERIFY, variables: { ids, first: 100 } },
        check: (data) => this.missing(page, data as VerifyData),
      };
    }
  }

  /** Of `page`, the statements missing or not in a version between acknowledged and attempted. */
  private missing(page: number[], data: VerifyData): string[] {
    const byId = new Map(data.statements.nodes.map((node) => [node.id, node]));
    const missing: string[] = [];
    for (const n of page) {
      const id = this.statementId(n);
      const entry = this.written.get(n)!;
      const node = byId.get(id);
      const version = Number(/ v(\d+)$/.exec(node?.title ?? "")?.[1] ?? 0);
      const attributed = node?.attributions.nodes.some(
        (a) => a.id === `${id}-a` && a.incident.id === entry.incident,
      );
      // A write that failed after the last acknowledged one may or may not have committed.
      if (node && attributed && version >= entry.acked && version <= entry.attempted) continue;
      missing.push(
        node
          ? `${id}: version ${version}, acknowledged ${entry.acked}, attribution ${attributed ? "ok" : "missing"}`
          : `${id}: not found`,
      );
    }
    return missing;
  }

  private statementInput(n: number, version: number, incident: string) {
    const id = this.statementId(n);
    return {
      id,
      kind: "PRESS_STATEMENT",
      issuedAt: `2024-${String((n % 12) + 1).padStart(2, "0")}`,
      issuer: this.dataset.issuers[n % this.dataset.issuers.length],
      language: "en",
      title: `Soak ${this.runId} statement ${n} v${version}`,
      quotes: [
        {
          text: `Soak statement ${n}, version ${version}: we assess with high confidence.`,
          language: "en",
        },
      ],
      attributions: [
        {
          id: `${id}-a`,
          incident,
          state: this.dataset.writeState,
          kind: "FORMAL",
          confidenceWording: "with high confidence",
          confidenceLevel: "HIGH",
          // Within HIGH's range (70-89): a level and a score must agree.
          confidenceScore: 70 + (version % 20),
        },
      ],
      sources: ["soak-source"],
    };
  }
}

interface VerifyData {
  statements: {
    nodes: {
      id: string;
      title: string;
      attributions: { nodes: { id: string; incident: { id: string } }[] };
    }[];
  };
}
