import { createHash } from "node:crypto";
import { type SourceEntry, sourceWith } from "../../platform/bundle";
import { MAX_SOURCES, URL } from "../../services/kit/inputs";
import { MAX_ACTOR_ALIASES } from "../../services/incidents/threat-actor.inputs";
import type { Governments } from "./countries";
import type { Cluster, Galaxy } from "./galaxy";
import { type ActorRecord, type ActorSnapshot, MANAGER, SYSTEM } from "./match";
import { type Producers, clusterAliases, normalize } from "./names";
import type { Unresolved } from "./report";

/** The galaxy's threat-actor cluster as a source: what every connector-written value cites. */
export const GALAXY_SOURCE_KEY = "misp-galaxy-threat-actor";
/** Keys of the sources the connector writes start with it; curated keys never do. */
export const SOURCE_PREFIX = "misp-";

/** `misp-ref-<12 hex of the URL's SHA-256>`: the same URL has the same key on every run. */
export const refKey = (url: string) =>
  `${SOURCE_PREFIX}ref-${createHash("sha256").update(url).digest("hex").slice(0, 12)}`;

type Alias = NonNullable<ActorRecord["aliases"]>[number];
type Origin = NonNullable<ActorRecord["suspectedOrigin"]>;

/** What a cluster says, in the graph's terms: everything but how it merges with a record. */
export interface ClusterFacts {
  name: string;
  description: string | null;
  aliases: Alias[];
  /** The cluster's name as an alias, for a curated actor that goes by another name. */
  nameAlias: Alias;
  sponsorState: string | null;
  /** A sponsor is named (even one no government stands for): the actor is state-sponsored. */
  sponsored: boolean;
  sponsorConfidence: number | null;
  /** Where the galaxy says it operates from (`meta.country`), citing the galaxy. */
  suspectedOrigin: Origin | null;
  targetedCountries: string[];
  targetCategories: string[];
  externalId: { system: string; id: string };
  sources: Record<string, SourceEntry>;
}

/**
 * CFR's target categories as lowercase words, the shape of incident sectors; these are the
 * spellings of one word the galaxy also uses.
 */
const CATEGORY_SPELLINGS: Record<string, string> = {
  telecoms: "telecommunications",
  telecomms: "telecommunications",
  financial: "finance",
  healthcare: "health",
};
const CATEGORY = /^[a-z][a-z0-9 -]*$/;

export function clusterFacts(
  galaxy: Galaxy,
  cluster: Cluster,
  context: {
    producers: Producers;
    governments: Governments;
    unresolved: Unresolved;
    isShared: (name: string) => boolean;
  },
): ClusterFacts {
  const { governments, unresolved } = context;
  const actor = cluster.value;
  const aliases = clusterAliases(cluster, context.producers, unresolved).map((alias) => ({
    name: alias.name,
    ...(alias.namedBy ? { namedBy: alias.namedBy } : {}),
    ...(context.isShared(alias.name) ? { ambiguous: true } : {}),
    sources: [GALAXY_SOURCE_KEY],
  }));
  const named =
    cluster.sponsor && normalize(cluster.sponsor) !== "unknown" ? cluster.sponsor : null;
  const sponsorState = named ? governments.state(named) : null;
  if (named && !sponsorState) unresolved.add("countries", named, actor);
  const origin = cluster.country ? governments.stateByIso(cluster.country) : null;
  if (cluster.country && !origin) unresolved.add("countries", cluster.country, actor);
  const confidence = cluster.confidence === null ? null : Number(cluster.confidence);
  const validConfidence =
    confidence !== null && Number.isInteger(confidence) && confidence >= 0 && confidence <= 100;
  if (cluster.confidence !== null && !validConfidence) {
    unresolved.add("confidences", cluster.confidence, actor);
  }
  const targeted = new Set<string>();
  for (const victim of cluster.victims) {
    const id = governments.target(victim);
    if (id) targeted.add(id);
    else unresolved.add("countries", victim, actor);
  }
  const categories = new Set<string>();
  for (const category of cluster.categories) {
    const word = CATEGORY_SPELLINGS[normalize(category)] ?? normalize(category);
    if (CATEGORY.test(word) && word.length <= 100) categories.add(word);
    else unresolved.add("categories", category, actor);
  }
  const sources: Record<string, SourceEntry> = { [GALAXY_SOURCE_KEY]: galaxySource(galaxy) };
  for (const url of cluster.refs) {
    if (URL.test(url) && url.length <= 2000) sources[refKey(url)] = sourceWith({ url });
    else unresolved.add("refs", url.slice(0, 80), actor);
  }
  return {
    name: cluster.value,
    description: cluster.description,
    aliases,
    nameAlias: {
      name: cluster.value,
      ...(context.isShared(cluster.value) ? { ambiguous: true } : {}),
      sources: [GALAXY_SOURCE_KEY],
    },
    sponsorState,
    sponsored: Boolean(named),
    sponsorConfidence: sponsorState && validConfidence ? confidence : null,
    suspectedOrigin: origin
      ? {
          government: origin,
          claimedBy: galaxySource(galaxy).title ?? "MISP galaxy",
          sources: [GALAXY_SOURCE_KEY],
        }
      : null,
    targetedCountries: [...targeted],
    targetCategories: [...categories],
    externalId: { system: SYSTEM, id: cluster.uuid },
    sources,
  };
}

/**
 * A record the connector manages: written whole from the cluster. Only what the galaxy never
 * sets is kept from the stored record: `affiliatedAgency` and other systems' external ids.
 */
export function managedRecord(
  id: string,
  facts: ClusterFacts,
  existing: ActorSnapshot | undefined,
  unresolved: Unresolved,
): { record: ActorRecord; sources: Record<string, SourceEntry> } {
  const other = (existing?.record.externalIds ?? []).filter((e) => e.system !== SYSTEM);
  const keys = capped(Object.keys(facts.sources), MAX_SOURCES, "sources", facts.name, unresolved);
  const record: ActorRecord = {
    id,
    name: facts.name,
    kind: facts.sponsored ? "STATE_SPONSORED" : "UNKNOWN",
    aliases: capped(facts.aliases, MAX_ACTOR_ALIASES, "aliases", facts.name, unresolved),
    ...(facts.sponsorState ? { sponsorState: facts.sponsorState } : {}),
    ...(facts.sponsorConfidence !== null ? { sponsorConfidence: facts.sponsorConfidence } : {}),
    ...(facts.suspectedOrigin ? { suspectedOrigin: facts.suspectedOrigin } : {}),
    ...(existing?.record.affiliatedAgency
      ? { affiliatedAgency: existing.record.affiliatedAgency }
      : {}),
    ...(facts.description ? { description: facts.description } : {}),
    targetedCountries: facts.targetedCountries,
    targetCategories: facts.targetCategories,
    externalIds: [...other, facts.externalId],
    managedBy: MANAGER,
    sources: keys,
  };
  return { record, sources: pick(facts.sources, keys) };
}

/**
 * A curated record, enriched: its fields and list items stay exactly as they are; the connector
 * adds the galaxy's aliases it lacks (case ignored), its suspected origin when the record has
 * none, the MISP external id and the galaxy's sources. What it added before (aliases citing the galaxy, `misp-` sources, the MISP id) is
 * replaced by what the galaxy says now.
 */
export function enrichedRecord(
  existing: ActorSnapshot,
  facts: ClusterFacts,
  unresolved: Unresolved,
): { record: ActorRecord; sources: Record<string, SourceEntry> } {
  const curated = existing.record;
  const ownAliases = (curated.aliases ?? []).filter((a) => !a.sources?.includes(GALAXY_SOURCE_KEY));
  const known = new Set(ownAliases.map((a) => normalize(a.name)));
  const own = normalize(curated.name);
  const named = facts.aliases.some((a) => normalize(a.name) === normalize(facts.name));
  const added = [...(named ? [] : [facts.nameAlias]), ...facts.aliases].filter(
    (a) => !known.has(normalize(a.name)) && (a.namedBy || normalize(a.name) !== own),
  );
  const ownSources = curated.sources.filter((key) => !key.startsWith(SOURCE_PREFIX));
  const keys = [
    ...ownSources,
    ...capped(
      Object.keys(facts.sources),
      MAX_SOURCES - ownSources.length,
      "sources",
      facts.name,
      unresolved,
    ),
  ];
  // A curated origin stays; the galaxy's fills the gap (and replaces what it wrote before).
  const { suspectedOrigin: stored, ...fields } = curated;
  const origin =
    stored && !stored.sources?.includes(GALAXY_SOURCE_KEY) ? stored : facts.suspectedOrigin;
  const record: ActorRecord = {
    ...fields,
    ...(origin ? { suspectedOrigin: origin } : {}),
    aliases: [
      ...ownAliases,
      ...capped(added, MAX_ACTOR_ALIASES - ownAliases.length, "aliases", facts.name, unresolved),
    ],
    externalIds: [
      ...(curated.externalIds ?? []).filter((e) => e.system !== SYSTEM),
      facts.externalId,
    ],
    sources: keys,
  };
  return { record, sources: pick({ ...existing.sources, ...facts.sources }, keys) };
}

/** The first `max` items; the rest are reported (the record's documented maximum). */
function capped<T>(
  items: T[],
  max: number,
  what: string,
  actor: string,
  unresolved: Unresolved,
): T[] {
  if (items.length > max)
    unresolved.add("limits", `${items.length - max} ${what} over ${max}`, actor);
  return items.slice(0, Math.max(0, max));
}

function pick(sources: Record<string, SourceEntry>, keys: string[]): Record<string, SourceEntry> {
  return Object.fromEntries(keys.map((key) => [key, sources[key]]));
}

function galaxySource(galaxy: Galaxy): SourceEntry {
  const { name, source: publisher, type } = galaxy.threatActors;
  return sourceWith({
    url: `https://github.com/MISP/misp-galaxy/blob/main/clusters/${type ?? "threat-actor"}.json`,
    title: name ? `MISP galaxy: ${name}` : null,
    publisher,
  });
}
