import { isDeepStrictEqual } from "node:util";
import { type SourceEntry, compact } from "../../platform/bundle";
import {
  COUNTRY_SOURCE_KEY,
  Governments,
  type KnownGovernment,
  type NewGovernment,
  countrySource,
} from "./countries";
import type { Cluster, Galaxy } from "./galaxy";
import {
  type ActorRecord,
  type ActorSnapshot,
  MANAGER,
  type Match,
  isCurated,
  matchClusters,
  mispId,
} from "./match";
import { NameIndex, Producers, clusterNames, slugify } from "./names";
import { type ConnectorReport, Unresolved } from "./report";
import { type ClusterFacts, clusterFacts, enrichedRecord, managedRecord } from "./records";

export type Mode = "create" | "update" | "enrich";

export interface ActorWrite {
  cluster: Cluster;
  mode: Mode;
  /** How the cluster was matched to an existing actor. */
  by: string | null;
  record: ActorRecord;
  sources: Record<string, SourceEntry>;
  /** The stored record already is this one: nothing to send. */
  unchanged: boolean;
}

export interface Plan {
  governments: { record: NewGovernment; sources: Record<string, SourceEntry> }[];
  actors: ActorWrite[];
  report: ConnectorReport;
}

/** What the graph reads today, through the gateway. */
export interface GraphState {
  actors: ActorSnapshot[];
  governments: KnownGovernment[];
}

/** Everything a run will write, decided before the first write: a pure function of its inputs. */
export function planGalaxy(galaxy: Galaxy, state: GraphState): Plan {
  const clusters = galaxy.threatActors.clusters;
  const unresolved = new Unresolved();
  const conflicts: string[] = [];
  const producers = new Producers(galaxy.producers);
  const governments = new Governments(galaxy.countries, state.governments);
  const clusterIndex = new NameIndex();
  for (const cluster of clusters) {
    for (const name of clusterNames(cluster)) clusterIndex.add(name, cluster.uuid);
  }
  const matches = matchClusters(clusters, state.actors, clusterIndex, conflicts);
  const curatedIndex = new NameIndex();
  for (const { record } of state.actors.filter((a) => isCurated(a.record))) {
    for (const name of [record.name, ...(record.aliases ?? []).map((a) => a.name)]) {
      curatedIndex.add(name, record.id);
    }
  }
  const ids = newIds(clusters, matches, state.actors);
  const ambiguous = new Map<string, Set<string>>();

  const actors = clusters.map((cluster): ActorWrite => {
    const match = matches.get(cluster.uuid);
    const id = match?.actor.record.id ?? ids.get(cluster.uuid)!;
    const isShared = (name: string) =>
      clusterIndex.of(name).size > 1 || [...curatedIndex.of(name)].some((other) => other !== id);
    const facts: ClusterFacts = clusterFacts(galaxy, cluster, {
      producers,
      governments,
      unresolved,
      isShared,
    });
    for (const alias of facts.aliases.filter((a) => a.ambiguous)) {
      const key = alias.name.toLowerCase();
      if (!ambiguous.has(key)) ambiguous.set(key, new Set());
      ambiguous.get(key)!.add(id);
    }
    const mode: Mode = !match ? "create" : isCurated(match.actor.record) ? "enrich" : "update";
    const { record, sources } =
      mode === "enrich"
        ? enrichedRecord(match!.actor, facts, unresolved)
        : managedRecord(id, facts, match?.actor, unresolved);
    const unchanged = match ? sameAs(match.actor, record, sources) : false;
    return { cluster, mode, by: match?.by ?? null, record, sources, unchanged };
  });

  const uuids = new Set(clusters.map((c) => c.uuid));
  const orphans = state.actors
    .filter((a) => a.record.managedBy === MANAGER && !uuids.has(mispId(a.record) ?? ""))
    .map((a) => a.record.id);
  const countries = { [COUNTRY_SOURCE_KEY]: countrySource(galaxy.countryFile) };
  return {
    governments: [...governments.created.values()].map((record) => ({
      record,
      sources: countries,
    })),
    actors,
    report: {
      clusters: clusters.length,
      created: 0,
      updated: 0,
      enriched: 0,
      unchanged: 0,
      failed: [],
      matched: actors
        .filter((a) => a.mode === "enrich")
        .map((a) => ({ actor: a.record.id, cluster: a.cluster.value, by: a.by ?? "" })),
      governmentsCreated: [],
      conflicts,
      ambiguous: [...ambiguous].map(([name, owners]) => ({ name, actors: [...owners] })),
      unresolved,
      orphans,
    },
  };
}

/**
 * Slugs for the clusters no actor is yet: from the name ("Volt Typhoon" → `volt-typhoon`). A slug
 * that two clusters would take, or that an actor already holds, gets the first hex digits of the
 * cluster's uuid (`lotus-blossom-1cb7e1cc`): the rule depends on neither the order of the file
 * nor the run, and an actor keeps its slug once created (it is found by its uuid after).
 */
function newIds(
  clusters: Cluster[],
  matches: Map<string, Match>,
  actors: ActorSnapshot[],
): Map<string, string> {
  const taken = new Set(actors.map((a) => a.record.id));
  const fresh = clusters.filter((c) => !matches.has(c.uuid));
  const base = new Map(fresh.map((c) => [c.uuid, slugify(c.value) || "actor"]));
  const uses = new Map<string, number>();
  for (const slug of base.values()) uses.set(slug, (uses.get(slug) ?? 0) + 1);
  const ids = new Map<string, string>();
  for (const cluster of fresh) {
    const slug = base.get(cluster.uuid)!;
    let id = slug;
    const hex = cluster.uuid.replace(/-/g, "");
    for (let n = 8; (uses.get(slug)! > 1 && id === slug) || taken.has(id); n += 4) {
      id = `${slug}-${hex.slice(0, n)}`;
    }
    taken.add(id);
    ids.set(cluster.uuid, id);
  }
  return ids;
}

/** The stored record and the sources it cites already are these. */
function sameAs(
  existing: ActorSnapshot,
  record: ActorRecord,
  sources: Record<string, SourceEntry>,
): boolean {
  if (!isDeepStrictEqual(compact(record), existing.record)) return false;
  return Object.entries(sources).every(([key, entry]) =>
    isDeepStrictEqual(compact({ ...entry }), existing.sources[key]),
  );
}
