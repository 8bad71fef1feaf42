import type { Cluster, Producer } from "./galaxy";
import type { Unresolved } from "./report";

/** How names are compared: case, spacing and Unicode forms ignored. */
export const normalize = (name: string) =>
  name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

const LETTERS: Record<string, string> = {
  ı: "i",
  ł: "l",
  đ: "d",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
};

/** A slug from a name: lowercase ASCII letters and digits, single hyphens, at most `max`. */
export function slugify(name: string, max = 80): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // Letters NFKD does not split into a base letter and a mark ("Ayyıldız Tim").
    .replace(/[ıłđøæœß]/g, (c) => LETTERS[c])
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : max).replace(/-+$/, "");
}

/** Aliases longer than this are not names (ThreatActorAliasInput.name). */
const MAX_ALIAS_LENGTH = 200;

export interface GalaxyAlias {
  name: string;
  namedBy: string | null;
}

/** producer.json: who coined a name, by uuid (`name-attribution`) or by name (`origin:`). */
export class Producers {
  private readonly byUuid = new Map<string, string>();
  private readonly byName = new Map<string, string>();

  constructor(producers: Producer[]) {
    for (const { uuid, name, synonyms } of producers) {
      this.byUuid.set(uuid, name);
      for (const known of [name, ...synonyms]) this.byName.set(normalize(known), name);
    }
  }

  /** The producer a `name-attribution` uuid stands for; unknown ones are reported. */
  ofUuid(uuid: string, unresolved: Unresolved, actor: string): string | null {
    const name = this.byUuid.get(uuid.toLowerCase());
    if (!name) unresolved.add("producers", `uuid ${uuid}`, actor);
    return name ?? null;
  }

  /**
   * The producer an `origin:` key names, spelt as producer.json spells it. A name it does not
   * list is kept as the galaxy gives it (it is who coined the alias) and reported.
   */
  ofName(name: string, unresolved: Unresolved, actor: string): string {
    const known = this.byName.get(normalize(name));
    if (!known) unresolved.add("producers", name, actor);
    return known ?? name.trim();
  }
}

/**
 * A cluster's aliases in its order (synonyms, then names only `name-attribution` or `origin:`
 * give), one per name with case ignored, each with who coined it when the galaxy says. The
 * cluster's own name is an alias only when the galaxy says who coined it.
 */
export function clusterAliases(
  cluster: Cluster,
  producers: Producers,
  unresolved: Unresolved,
): GalaxyAlias[] {
  const coined = new Map<string, string>();
  for (const { alias, producer } of cluster.attributions) {
    const name = producers.ofUuid(producer, unresolved, cluster.value);
    if (name && !coined.has(normalize(alias))) coined.set(normalize(alias), name);
  }
  for (const { alias, producer } of cluster.origins) {
    const name = producers.ofName(producer, unresolved, cluster.value);
    if (!coined.has(normalize(alias))) coined.set(normalize(alias), name);
  }
  const own = normalize(cluster.value);
  const aliases = new Map<string, GalaxyAlias>();
  const names = [
    ...cluster.synonyms,
    ...cluster.attributions.map((a) => a.alias),
    ...cluster.origins.map((o) => o.alias),
  ];
  for (const name of names) {
    const key = normalize(name);
    if (!key || aliases.has(key) || (key === own && !coined.has(key))) continue;
    if (name.length > MAX_ALIAS_LENGTH) {
      unresolved.add("aliases", `${name.slice(0, 40)}… (too long)`, cluster.value);
      continue;
    }
    aliases.set(key, { name, namedBy: coined.get(key) ?? null });
  }
  return [...aliases.values()];
}

/** Every name a cluster carries, normalized: its own and all its aliases. */
export function clusterNames(cluster: Cluster): Set<string> {
  return new Set(
    [
      cluster.value,
      ...cluster.synonyms,
      ...cluster.attributions.map((a) => a.alias),
      ...cluster.origins.map((o) => o.alias),
    ]
      .map(normalize)
      .filter(Boolean),
  );
}

/** Which owners (clusters, actors) carry each name. */
export class NameIndex {
  private readonly owners = new Map<string, Set<string>>();

  add(name: string, owner: string): void {
    const key = normalize(name);
    if (!this.owners.has(key)) this.owners.set(key, new Set());
    this.owners.get(key)!.add(owner);
  }

  of(name: string): ReadonlySet<string> {
    return this.owners.get(normalize(name)) ?? new Set();
  }

  /** Names more than one owner carries. */
  shared(): [string, ReadonlySet<string>][] {
    return [...this.owners].filter(([, owners]) => owners.size > 1);
  }
}
