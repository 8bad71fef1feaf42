import { MAX_SOURCES } from "../../services/kit/inputs";
import { MAX_ACTOR_ALIASES, MAX_EXTERNAL_IDS } from "../../services/incidents/threat-actor.inputs";
import { NameIndex, normalize, slugify } from "../misp/names";
import { type ActorFacts, MANAGER, type Sources } from "./facts";
import type { Snapshot } from "./graph";
import type { Unmapped } from "./objects";

export type Mode = "create" | "update" | "enrich";
export interface Match {
  existing: Snapshot;
  by: string;
}

const CATEGORY = /^[a-z][a-z0-9 -]*$/;
type ExternalId = { system: string; id: string; url?: string };
const idKey = (e: { system: string; id: string }) => `${e.system}\u0000${e.id.toLowerCase()}`;

/**
 * Which existing actor each object is: its own record id (this project's export), then an
 * external id both carry (the STIX id, ATT&CK's G0034), then a name only this object and only
 * one actor carry (case ignored); the stronger claim wins, as the galaxy connector matches.
 */
export function matchActors(
  facts: ActorFacts[],
  actors: Snapshot[],
  conflicts: string[],
): Map<ActorFacts, Match> {
  const byId = new Map(actors.map((a) => [a.record.id, a]));
  const linked = new Map<string, Snapshot>();
  const graphNames = new NameIndex();
  for (const actor of actors) {
    for (const e of (actor.record.externalIds ?? []) as ExternalId[]) linked.set(idKey(e), actor);
    for (const name of namesOf(actor)) graphNames.add(name, actor.record.id);
  }
  const inputNames = new NameIndex();
  for (const fact of facts)
    for (const name of factNames(fact)) inputNames.add(name, fact.object.id);
  const matches = new Map<ActorFacts, Match>();
  const claims = new Map<string, { fact: ActorFacts; rank: number; by: string }[]>();
  for (const fact of facts) {
    const own = fact.ownId ? byId.get(fact.ownId) : undefined;
    if (own) {
      matches.set(fact, { existing: own, by: "record id" });
      continue;
    }
    const external = fact.externalIds.find((e) => linked.has(idKey(e)));
    if (external) {
      matches.set(fact, {
        existing: linked.get(idKey(external))!,
        by: `external id ${external.system} ${external.id}`,
      });
      continue;
    }
    const best = new Map<string, { rank: number; by: string }>();
    for (const name of factNames(fact)) {
      const owners = graphNames.of(name);
      if (inputNames.of(name).size !== 1 || owners.size !== 1) continue;
      const [id] = owners;
      const isName = normalize(name) === normalize(byId.get(id)!.record.name);
      const rank = 1 + Number(normalize(name) === normalize(fact.name)) + Number(isName);
      const by = `${isName ? "name" : "alias"} "${name}"`;
      if ((best.get(id)?.rank ?? 0) < rank) best.set(id, { rank, by });
    }
    const top = Math.max(0, ...[...best.values()].map((c) => c.rank));
    const tops = [...best].filter(([, c]) => c.rank === top);
    if (tops.length > 1) {
      conflicts.push(
        `${fact.name}: its names match ${tops.map(([id]) => id).join(" and ")}; created on its own`,
      );
    } else if (tops.length === 1) {
      const [id, claim] = tops[0];
      claims.set(id, [...(claims.get(id) ?? []), { fact, ...claim }]);
    }
  }
  for (const [id, list] of claims) {
    const top = Math.max(...list.map((c) => c.rank));
    const winners = list.filter((c) => c.rank === top);
    if (winners.length === 1)
      matches.set(winners[0].fact, { existing: byId.get(id)!, by: winners[0].by });
    for (const claim of list.filter((c) => winners.length !== 1 || c !== winners[0])) {
      conflicts.push(`${claim.fact.name} also matches ${id} (${claim.by}); created on its own`);
    }
  }
  return matches;
}

const namesOf = (a: Snapshot) => [
  a.record.name,
  ...((a.record.aliases ?? []) as { name: string }[]).map((alias) => alias.name),
];
const factNames = (f: ActorFacts) => [f.name, ...f.aliases.map((a) => a.name)];

/** A slug for an object no actor is yet: its name, then its STIX id's first hex digits. */
export function newId(name: string, stixId: string, taken: Set<string>): string {
  const slug = slugify(name) || "actor";
  const hex = stixId.split("--")[1].replace(/-/g, "");
  let id = slug;
  for (let n = 8; taken.has(id); n += 4) id = `${slug}-${hex.slice(0, n)}`;
  taken.add(id);
  return id;
}

export interface Resolved {
  sponsorState: string | null;
  suspectedOrigin: { government: string; claimedBy?: string; sources?: string[] } | null;
  targetedCountries: string[];
}

/** The record as the object says it, whole: a new actor, or one this connector manages. */
export function managedActor(id: string, f: ActorFacts, r: Resolved, unmapped: Unmapped) {
  const categories = f.categories.filter((c) => CATEGORY.test(c) && c.length <= 100);
  if (categories.length < f.categories.length) unmapped.add("target categories", f.name);
  const keys = Object.keys(f.sources);
  const record = {
    id,
    name: f.name.slice(0, 300),
    kind: f.kind,
    aliases: capped(f.aliases, MAX_ACTOR_ALIASES, "aliases", f.name, unmapped).map((a) => {
      const cited = (a.sources ?? []).filter((key) => keys.includes(key));
      return { ...a, name: a.name.slice(0, 200), sources: cited.length ? cited : undefined };
    }),
    sponsorState: r.sponsorState,
    sponsorConfidence: r.sponsorState ? (f.sponsor?.confidence ?? null) : null,
    suspectedOrigin: r.suspectedOrigin,
    affiliatedAgency: f.agency,
    description: f.description && f.description.slice(0, 10_000),
    targetedCountries: r.targetedCountries,
    targetCategories: categories,
    externalIds: capped(f.externalIds, MAX_EXTERNAL_IDS, "external ids", f.name, unmapped),
    managedBy: f.managedBy,
    sources: keys,
  };
  return { record, sources: f.sources };
}

/**
 * A curated actor (or another connector's), enriched: its fields stay as they are; the object's
 * aliases it lacks (case ignored), its external ids and its sources are added.
 */
export function enrichedActor(existing: Snapshot, f: ActorFacts, unmapped: Unmapped) {
  const current = existing.record;
  const aliases = (current.aliases ?? []) as { name: string }[];
  const known = new Set([current.name, ...aliases.map((a) => a.name)].map(normalize));
  const added = f.aliases
    .filter((a) => !known.has(normalize(a.name)) && known.add(normalize(a.name)))
    .map(({ name, namedBy }) => ({ name: name.slice(0, 200), ...(namedBy ? { namedBy } : {}) }));
  const ids = (current.externalIds ?? []) as ExternalId[];
  const knownIds = new Set(ids.map(idKey));
  const newIds = f.externalIds.filter((e) => !knownIds.has(idKey(e)));
  const { keys, sources } = enrichedSources(existing, f, unmapped);
  const record = {
    ...current,
    aliases: [
      ...aliases,
      ...capped(added, MAX_ACTOR_ALIASES - aliases.length, "aliases", f.name, unmapped),
    ],
    externalIds: [
      ...ids,
      ...capped(newIds, MAX_EXTERNAL_IDS - ids.length, "external ids", f.name, unmapped),
    ],
    sources: keys,
  };
  return { record, sources };
}

/** An enriched record's source keys (its own, then the new ones up to the maximum) and entries. */
export function enrichedSources(
  existing: Snapshot,
  f: { name: string; sources: Sources },
  unmapped: Unmapped,
): { keys: string[]; sources: Sources } {
  const current = existing.record.sources;
  const newKeys = Object.keys(f.sources).filter((key) => !current.includes(key));
  const keys = [
    ...current,
    ...capped(newKeys, MAX_SOURCES - current.length, "sources", f.name, unmapped),
  ];
  const all: Sources = { ...existing.sources, ...f.sources };
  return { keys, sources: Object.fromEntries(keys.map((key) => [key, all[key]])) };
}

export const actorMode = (match: Match | undefined): Mode =>
  !match ? "create" : match.existing.record.managedBy === MANAGER ? "update" : "enrich";

export function capped<T>(
  items: T[],
  max: number,
  what: string,
  name: string,
  unmapped: Unmapped,
): T[] {
  if (items.length > max) unmapped.add(`${what} over the maximum, left out`, name);
  return items.slice(0, Math.max(0, max));
}
