import type { SourceEntry } from "../../platform/bundle";
import { MAX_SOURCES } from "../../services/kit/inputs";
import {
  type Objects,
  type Reference,
  RECORD_REFERENCE,
  type Unmapped,
  custom,
  dateOf,
  ownRecord,
  references,
  sourceEntry,
  sourceKey,
  strings,
  text,
} from "./objects";
import type { StixIn } from "./read";

/** The connector's name in `managedBy` of the actors it creates. */
export const MANAGER = "stix";
/** The system of the STIX id among an actor's external ids: how a re-run finds it. */
export const STIX_SYSTEM = "stix";

export type Sources = Record<string, SourceEntry>;

export interface Alias {
  name: string;
  namedBy?: string;
  ambiguous?: boolean;
  sources?: string[];
}

/** What an object says, in the graph's terms; references to other records are STIX ids. */
interface Facts {
  object: StixIn;
  /** The record id when the object is one of this project's own (its export). */
  ownId: string | null;
  name: string;
  sources: Sources;
  /** Other objects that name it: the places, actors and agencies it relates to. */
}

export interface ActorFacts extends Facts {
  kind: string;
  aliases: Alias[];
  description: string | null;
  externalIds: { system: string; id: string; url?: string }[];
  managedBy: string | null;
  sponsor: { ref: string; confidence: number | null } | null;
  /** Where it operates from (`originates-from` a location or state), who says so, cited. */
  origin: { ref: string; claimedBy: string | null; sources: string[] } | null;
  agency: string | null;
  targets: string[];
  unknownTargets: string[];
  categories: string[];
}

export interface IncidentFacts extends Facts {
  record: Record<string, unknown>;
  targets: string[];
  unknownTargets: string[];
  suspects: string[];
}

const ACTOR_KINDS: Record<string, string> = {
  "nation-state": "STATE_SPONSORED",
  "crime-syndicate": "CRIMINAL",
  criminal: "CRIMINAL",
  activist: "HACKTIVIST",
  hacker: "HACKTIVIST",
};

/** The object's references as sources (at most MAX_SOURCES), itself when it has none. */
export function sourcesOf(objects: Objects, object: StixIn, own: boolean, unmapped: Unmapped) {
  const sources: Sources = {};
  for (const r of references(object)) {
    if (r.source_name === RECORD_REFERENCE) continue;
    // An id in a catalogue (ATT&CK's G0034 and its page) is an external id; its page a source too.
    if (r.external_id && (own || !r.url)) continue;
    const entry = sourceEntry(r, own);
    if (!entry) unmapped.add("invalid URLs, left out", `"${r.url!.slice(0, 60)}"`);
    else if (Object.keys(sources).length < MAX_SOURCES) sources[sourceKey(r)] = entry;
    else unmapped.add("sources over the maximum, left out", String(object.name ?? object.id));
  }
  if (!Object.keys(sources).length) {
    const self: Reference = { source_name: objects.publisher(object) ?? "STIX", url: undefined };
    self.description = `${object.type} ${String(object.name ?? "")} (${object.id})`;
    sources[sourceKey(self)] = sourceEntry(self, false)!;
  }
  return sources;
}

/** Sources of a list item (an alias): its references' keys, among the record's. */
function itemSources(item: Record<string, unknown>, sources: Sources): string[] {
  return references(item)
    .map(sourceKey)
    .filter((key) => key in sources);
}

export function actorFacts(objects: Objects, object: StixIn, unmapped: Unmapped): ActorFacts {
  const own = ownRecord(object);
  const ownId = own?.kind === "ThreatActor" ? own.id : null;
  const name = text(object.name)!;
  const publisher = objects.publisher(object);
  const sources = sourcesOf(objects, object, !!ownId, unmapped);
  const detailed = custom(object, "aliases");
  const aliases: Alias[] = Array.isArray(detailed)
    ? detailed.map((a: Record<string, unknown>) => ({
        name: String(a.name),
        ...(text(a.named_by) ? { namedBy: text(a.named_by)! } : {}),
        ...(a.ambiguous === true ? { ambiguous: true } : {}),
        sources: itemSources(a, sources),
      }))
    : strings(object.aliases)
        .filter((alias) => ownId || alias.trim() !== name)
        .map((alias) => ({
          name: alias.trim(),
          ...(!ownId && publisher ? { namedBy: publisher } : {}),
        }));
  const externalIds = references(object)
    .filter((r) => r.external_id && r.source_name !== RECORD_REFERENCE)
    .map((r) => ({
      system: systemOf(r.source_name),
      id: r.external_id!,
      ...(r.url ? { url: r.url } : {}),
    }));
  if (!ownId) externalIds.push({ system: STIX_SYSTEM, id: object.id });
  const types = strings(object.threat_actor_types);
  const foreignKind =
    types.map((t) => ACTOR_KINDS[t]).find(Boolean) ??
    (object.resource_level === "government" ? "STATE_SPONSORED" : "UNKNOWN");
  let sponsor: ActorFacts["sponsor"] = null;
  let agency: string | null = null;
  for (const { relationship, target } of objects.related(object.id, "attributed-to")) {
    const relation = custom(relationship, "relation");
    const confidence = typeof relationship.confidence === "number" ? relationship.confidence : null;
    if (relation === "affiliated-agency") {
      const identity = objects.byId.get(String(custom(target, "identity_ref")));
      agency = identity ? (ownRecord(identity)?.id ?? null) : null;
    } else if (!sponsor) sponsor = { ref: target.id, confidence };
  }
  const { places, categories } = targetsOf(objects, object);
  const from = objects.related(object.id, "originates-from")[0];
  const origin = from && {
    ref: from.target.id,
    claimedBy: text(custom(from.relationship, "claimed_by")) ?? (ownId ? null : publisher),
    sources: itemSources(from.relationship, sources),
  };
  return {
    object,
    ownId,
    name,
    sources,
    kind: (ownId && text(custom(object, "kind"))) || foreignKind,
    aliases,
    description: text(object.description),
    externalIds,
    managedBy: ownId ? text(custom(object, "managed_by")) : MANAGER,
    sponsor,
    origin: origin ?? null,
    agency,
    targets: places,
    unknownTargets: strings(custom(object, "unknown_targeted_countries")),
    categories,
  };
}

/** `targets` relationships: places (locations, identities) and kinds of target (class). */
function targetsOf(objects: Objects, object: StixIn) {
  const places: string[] = [];
  const categories: string[] = [];
  const cves: string[] = [];
  for (const { target } of objects.related(object.id, "targets")) {
    if (target.type === "identity" && target.identity_class === "class") {
      categories.push(String(target.name).toLowerCase());
    } else if (target.type === "vulnerability") cves.push(String(target.name));
    else if (target.type === "location" || target.type === "identity") places.push(target.id);
  }
  return { places, categories, cves };
}

export function incidentFacts(objects: Objects, object: StixIn, unmapped: Unmapped): IncidentFacts {
  const own = ownRecord(object);
  const ownId = own?.kind === "Incident" ? own.id : null;
  const name = text(object.name)!;
  const sources = sourcesOf(objects, object, !!ownId, unmapped);
  const precision = (custom(object, "date_precision") ?? {}) as Record<string, unknown>;
  const firstKey = Object.keys(sources)[0];
  const timeline = custom(object, "timeline");
  let summary = text(object.description);
  if (summary && summary.length > 5000) {
    unmapped.add("summaries cut to 5,000 characters", name);
    summary = `${summary.slice(0, 4999)}…`;
  }
  const { places, categories, cves } = targetsOf(objects, object);
  const record: Record<string, unknown> = {
    name,
    aliases: strings(object.aliases).filter((alias) => ownId || alias.trim() !== name),
    kind: (ownId && text(custom(object, "kind"))) || "OTHER",
    summary,
    firstObserved: dateOf(object.first_seen, precision.first_seen),
    disclosed: text(custom(object, "disclosed")),
    ended: dateOf(object.last_seen, precision.last_seen),
    impact: text(custom(object, "impact")),
    sectors: categories,
    cves,
    timeline: Array.isArray(timeline)
      ? timeline.map((event: Record<string, unknown>) => ({
          date: String(event.date),
          description: String(event.description),
          sources: [firstKey],
        }))
      : [],
  };
  // This project's campaigns are also attributed-to the states statements name: not suspects.
  // A target not in this read (a TAXII run takes only what is new) is looked up in the graph.
  const suspects = (objects.from.get(object.id) ?? [])
    .filter((r) => r.relationship_type === "attributed-to" && r.revoked !== true)
    .filter((r) => !ownId || custom(r, "relation") === "suspected-actor")
    .map((r) => String(r.target_ref))
    .filter((ref) => /^(intrusion-set|threat-actor)--/.test(ref))
    .filter((ref) => custom(objects.byId.get(ref) ?? {}, "identity_ref") === undefined);
  const unknownTargets = strings(custom(object, "unknown_targeted_countries"));
  return { object, ownId, name, sources, record, targets: places, unknownTargets, suspects };
}

/** A reference's source name as a slug system: "mitre-attack", "misp-galaxy". */
export function systemOf(sourceName: string): string {
  const slug = sourceName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, 100) || "external";
}
