import { fullFormats } from "ajv-formats/dist/formats";
import type { SourceEntry } from "../platform/bundle";
import { widen } from "./dates";

export const SPEC_VERSION = "2.1";

/** Prefix of every custom property (STIX 2.1 § 11.1: `x_` + a source-unique name + `_`). */
export const X = "x_attribution_graph_";

export interface StixObject {
  type: string;
  spec_version: typeof SPEC_VERSION;
  id: string;
  created: string;
  modified: string;
  [property: string]: unknown;
}

export interface ExternalReference {
  source_name: string;
  description?: string;
  url?: string;
  external_id?: string;
}

/** The TAXII collections, one per subgraph that owns the records an object comes from. */
export const COLLECTION_KEYS = ["governments", "incidents", "legal-actions"] as const;
export type CollectionKey = (typeof COLLECTION_KEYS)[number];

/** Where an object comes from: the record (global id) and the collection it is served in. */
export interface Placement {
  collection: CollectionKey;
  record: string;
}

export interface Entry {
  object: StixObject;
  collections: Set<CollectionKey>;
  /** Global ids of the records it is made from ("Statement:…"), for the per-record view. */
  records: Set<string>;
}

const TYPE_ORDER = [
  "extension-definition",
  "identity",
  "location",
  "threat-actor",
  "intrusion-set",
  "campaign",
  "vulnerability",
  "report",
  "x-attribution-graph-legal-action",
  "relationship",
];

/** The objects of one export, by id; an object made twice (a shared sector) is kept once. */
export class StixGraph {
  readonly entries = new Map<string, Entry>();
  /** URLs of records left out because they are not URIs even escaped (see `uri`). */
  omittedUrls = 0;

  add(object: StixObject, placements: Placement[]): string {
    const existing = this.entries.get(object.id);
    const entry = existing ?? { object, collections: new Set(), records: new Set() };
    if (existing) Object.assign(existing.object, widen(existing.object, object));
    for (const { collection, record } of placements) {
      entry.collections.add(collection);
      entry.records.add(record);
    }
    this.entries.set(object.id, entry);
    return object.id;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Every object, by type (in TYPE_ORDER) then id: the same order on every export. */
  objects(): StixObject[] {
    const rank = (type: string) => {
      const index = TYPE_ORDER.indexOf(type);
      return index < 0 ? TYPE_ORDER.length : index;
    };
    return [...this.entries.values()]
      .map(({ object }) => object)
      .sort((a, b) => rank(a.type) - rank(b.type) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/**
 * Drops null, undefined, empty lists and empty objects, recursively: STIX lists must not be
 * empty and properties must not be null.
 */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .map(([key, child]) => [key, compact(child)] as const)
    .filter(([, child]) => {
      if (child === null || child === undefined) return false;
      if (Array.isArray(child)) return child.length > 0;
      if (typeof child === "object") return Object.keys(child).length > 0;
      return true;
    });
  return Object.fromEntries(entries) as T;
}

const isUri = fullFormats.uri as (value: string) => boolean;

/**
 * A URL as RFC 3986 has it, which the OASIS schemas check (`format: uri`): characters it does
 * not allow (non-ASCII, spaces, quotes, brackets) percent-encoded as UTF-8, a `%` that starts no
 * escape too. Undefined when that is still no URI (no scheme, a bad host): never shipped invalid.
 */
export function uri(url: string): string | undefined {
  const escaped = url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/gu, (char) =>
    char === "%" ? "%25" : encodeURIComponent(char),
  );
  return isUri(escaped) ? escaped : undefined;
}

/** A cited source as an external reference: publisher, title with date and language, URL. */
export function sourceReference(key: string, source: SourceEntry | undefined): ExternalReference {
  if (!source) return { source_name: key, description: `source "${key}"` };
  const about = [source.publishedAt, source.language].filter(Boolean).join(", ");
  return compact({
    source_name: source.publisher ?? source.title ?? key,
    description: [source.title, about && `(${about})`].filter(Boolean).join(" ") || undefined,
    url: source.url ? uri(source.url) : undefined,
  });
}

/** The record an object stands for, as an external reference OpenCTI keeps. */
export const recordReference = (globalId: string): ExternalReference => ({
  source_name: "attribution-graph",
  external_id: globalId,
});
