import { createHash } from "node:crypto";
import type { Bundle } from "../platform/bundle";
import { Mapping, type MappingOptions } from "./context";
import { EXTENSION_DEFINITION, PROJECT_IDENTITY, PROPERTY_EXTENSION } from "./extension";
import { mapGovernments } from "./governments";
import { stixId } from "./ids";
import { mapIncidents } from "./incidents";
import { mapLegalActions } from "./legal-actions";
import { mapPersons } from "./persons";
import { COLLECTION_KEYS, type CollectionKey, type StixGraph, type StixObject } from "./model";
import type { Stamps } from "./read";
import { mapStatements } from "./statements";
import { mapThreatActors } from "./threat-actors";

export interface StixBundle {
  type: "bundle";
  id: string;
  objects: StixObject[];
}

/** Every STIX object made from an export bundle (see README, "STIX 2.1 and TAXII 2.1"). */
export function stixGraph(bundle: Bundle, options: MappingOptions = {}): StixGraph {
  const graph = recordGraph(bundle, options);
  for (const { object, collections } of STATIC_OBJECTS) {
    graph.add(
      { ...object },
      collections.map((collection) => ({ collection, record: "attribution-graph" })),
    );
  }
  return graph;
}

/** The objects that come from no record: the project's identity and its extension definitions. */
export const STATIC_OBJECTS: { object: StixObject; collections: CollectionKey[] }[] = [
  { object: PROJECT_IDENTITY, collections: [...COLLECTION_KEYS] },
  { object: PROPERTY_EXTENSION, collections: [...COLLECTION_KEYS] },
  { object: EXTENSION_DEFINITION, collections: ["legal-actions"] },
];

/** The objects made from the records `options.own` names (all by default), and no other. */
export function recordGraph(bundle: Bundle, options: MappingOptions = {}): StixGraph {
  const m = new Mapping(bundle, options);
  mapGovernments(m);
  mapThreatActors(m);
  mapIncidents(m);
  mapStatements(m);
  mapPersons(m);
  mapLegalActions(m);
  return m.graph;
}

/** A STIX bundle of `objects`; its id is UUIDv5 of their content, so equal exports are equal. */
export function stixBundle(objects: StixObject[]): StixBundle {
  const digest = createHash("sha256").update(JSON.stringify(objects)).digest("hex");
  return { type: "bundle", id: stixId("bundle", digest), objects };
}

export const toStixBundle = (bundle: Bundle, stamps?: Stamps): StixBundle =>
  stixBundle(stixGraph(bundle, { stamps }).objects());

/**
 * The objects made from one record (`Statement:…`, `Attribution:…`, any global id) and
 * everything they refer to, transitively: a bundle a consumer can load on its own. Null when
 * no object comes from that record.
 */
export function recordObjects(graph: StixGraph, globalId: string): StixObject[] | null {
  const own = [...graph.entries.values()].filter((entry) => entry.records.has(globalId));
  if (!own.length) return null;
  const included = new Set<string>();
  const pending = own.map((entry) => entry.object.id);
  while (pending.length) {
    const id = pending.pop()!;
    if (included.has(id) || !graph.has(id)) continue;
    included.add(id);
    pending.push(...referencesOf(graph.entries.get(id)!.object));
  }
  return graph.objects().filter((object) => included.has(object.id));
}

/**
 * Every id an object refers to: `*_ref` and `*_refs` properties at any depth (quotes'
 * speakers, defendants' nationalities) and the extension definitions named in `extensions`.
 */
export function referencesOf(object: StixObject): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key = "") => {
    if (typeof value === "string") {
      if (/_refs?$/.test(key)) found.push(value);
      return;
    }
    if (Array.isArray(value)) return value.forEach((item) => walk(item, key));
    if (!value || typeof value !== "object") return;
    for (const [child, inner] of Object.entries(value)) {
      if (key === "extensions" && child.startsWith("extension-definition--")) found.push(child);
      walk(inner, child);
    }
  };
  walk(object);
  return found;
}
