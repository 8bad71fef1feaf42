import type { SourceEntry } from "../../platform/bundle";
import type { Cluster } from "./galaxy";
import { NameIndex, clusterNames, normalize } from "./names";

/** The connector's name in `managedBy` and its system in `externalIds`. */
export const MANAGER = "misp-galaxy";
export const SYSTEM = "misp-galaxy";

/** A threat actor in bundle form, as `bundleRecord` reads it. */
export interface ActorRecord {
  id: string;
  name: string;
  kind: string;
  aliases?: { name: string; namedBy?: string; ambiguous?: boolean; sources?: string[] }[];
  sponsorState?: string;
  sponsorConfidence?: number;
  affiliatedAgency?: string;
  suspectedOrigin?: { government: string; claimedBy?: string | null; sources?: string[] | null };
  description?: string;
  targetedCountries?: string[];
  targetCategories?: string[];
  externalIds?: { system: string; id: string; url?: string }[];
  managedBy?: string;
  sources: string[];
}

export interface ActorSnapshot {
  record: ActorRecord;
  sources: Record<string, SourceEntry>;
}

export const mispId = (actor: ActorRecord) =>
  actor.externalIds?.find((e) => e.system === SYSTEM)?.id.toLowerCase();

/** Curated: no connector manages it. Connectors only add to its lists. */
export const isCurated = (actor: ActorRecord) => !actor.managedBy;

export interface Match {
  actor: ActorSnapshot;
  by: string;
}

interface Claim {
  cluster: Cluster;
  rank: number;
  by: string;
}

/**
 * Which existing actor each cluster is. First by the MISP uuid among `externalIds`; then, for
 * curated actors that have none yet, by a name only this cluster carries (case ignored) equal to
 * the actor's name or one of its aliases. A name two clusters share never matches. When names
 * point a cluster at two actors, or two clusters at one actor, the stronger evidence wins (its
 * name is the actor's name, then one of the two is a name, then alias to alias); an even tie
 * matches nothing. Every cluster left out is reported in `conflicts`.
 */
export function matchClusters(
  clusters: Cluster[],
  actors: ActorSnapshot[],
  clusterIndex: NameIndex,
  conflicts: string[],
): Map<string, Match> {
  const linked = new Map<string, ActorSnapshot>();
  for (const actor of actors) {
    const uuid = mispId(actor.record);
    if (uuid) linked.set(uuid, actor);
  }
  const candidates = new Map<string, ActorSnapshot>();
  const names = new NameIndex();
  for (const actor of actors) {
    if (!isCurated(actor.record) || mispId(actor.record)) continue;
    candidates.set(actor.record.id, actor);
    names.add(actor.record.name, actor.record.id);
    for (const alias of actor.record.aliases ?? []) names.add(alias.name, actor.record.id);
  }

  const matches = new Map<string, Match>();
  const claims = new Map<string, Claim[]>();
  for (const cluster of clusters) {
    const actor = linked.get(cluster.uuid);
    if (actor) {
      matches.set(cluster.uuid, { actor, by: "external id" });
      continue;
    }
    const best = new Map<string, Claim>();
    for (const name of clusterNames(cluster)) {
      if (clusterIndex.of(name).size !== 1) continue;
      for (const id of names.of(name)) {
        const { record } = candidates.get(id)!;
        const isName = name === normalize(record.name);
        const rank = 1 + Number(name === normalize(cluster.value)) + Number(isName);
        const spelt = [record.name, ...(record.aliases ?? []).map((a) => a.name)].find(
          (known) => normalize(known) === name,
        );
        const by = `${isName ? "name" : "alias"} "${spelt}"`;
        if ((best.get(id)?.rank ?? 0) < rank) best.set(id, { cluster, rank, by });
      }
    }
    const top = Math.max(0, ...[...best.values()].map((claim) => claim.rank));
    const tops = [...best].filter(([, claim]) => claim.rank === top);
    if (tops.length > 1) {
      conflicts.push(
        `${cluster.value}: its names match ${tops.map(([id, c]) => `${id} (${c.by})`).join(" and ")}; it enriches neither and is created on its own`,
      );
    } else if (tops.length === 1) {
      const [id, claim] = tops[0];
      claims.set(id, [...(claims.get(id) ?? []), claim]);
    }
  }
  for (const [id, list] of claims) {
    const top = Math.max(...list.map((claim) => claim.rank));
    const winners = list.filter((claim) => claim.rank === top);
    if (winners.length === 1) {
      matches.set(winners[0].cluster.uuid, { actor: candidates.get(id)!, by: winners[0].by });
    }
    for (const claim of list) {
      if (winners.length === 1 && claim === winners[0]) continue;
      conflicts.push(
        `${claim.cluster.value} also matches ${id} (${claim.by}), ${winners.length === 1 ? `which ${winners[0].cluster.value} enriches` : "as strongly as another cluster"}; it is created on its own`,
      );
    }
  }
  return matches;
}
