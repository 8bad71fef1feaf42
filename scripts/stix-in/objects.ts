import { createHash } from "node:crypto";
import type { SourceEntry } from "../../platform/bundle";
import { URL as URL_SHAPE } from "../../services/kit/inputs";
import { type StixIn, isObject } from "./read";

/** Custom properties of this project's own export (stix/model.ts `X`). */
const X = "x_attribution_graph_";
/** The external reference naming the record an object of this project's export stands for. */
export const RECORD_REFERENCE = "attribution-graph";
/** Keys of the sources the connector writes start with it; curated keys never do. */
export const SOURCE_PREFIX = "stix-";

export interface Reference {
  source_name: string;
  description?: string;
  url?: string;
  external_id?: string;
}

/** What was read but cannot be held as given, by kind, with the objects naming it. */
export class Unmapped {
  readonly byKind = new Map<string, Map<string, number>>();

  add(kind: string, what: string): void {
    if (!this.byKind.has(kind)) this.byKind.set(kind, new Map());
    const names = this.byKind.get(kind)!;
    names.set(what, (names.get(what) ?? 0) + 1);
  }

  total(kind: string): number {
    return [...(this.byKind.get(kind)?.values() ?? [])].reduce((a, b) => a + b, 0);
  }

  /** `objects: 1,373 (relationship "uses" ×1,100, attack-pattern ×95, ...)`, most first. */
  lines(examples = 8): string[] {
    return [...this.byKind].map(([kind, names]) => {
      const sorted = [...names].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
      const shown = sorted.slice(0, examples).map(([name, n]) => `${name} ×${n}`);
      return `${kind}: ${this.total(kind)} (${shown.join(", ")}${names.size > examples ? ", ..." : ""})`;
    });
  }
}

/** The objects of one read, by id, with each object's outgoing relationships. */
export class Objects {
  readonly byId = new Map<string, StixIn>();
  readonly from = new Map<string, StixIn[]>();

  constructor(objects: StixIn[]) {
    // The latest version of an object wins (TAXII may send several).
    for (const object of objects) {
      const known = this.byId.get(object.id);
      if (!known || String(object.modified ?? "") >= String(known.modified ?? "")) {
        this.byId.set(object.id, object);
      }
    }
    for (const object of this.byId.values()) {
      if (object.type !== "relationship" || typeof object.source_ref !== "string") continue;
      this.from.set(object.source_ref, [...(this.from.get(object.source_ref) ?? []), object]);
    }
  }

  of(type: string): StixIn[] {
    return [...this.byId.values()].filter((o) => o.type === type && o.revoked !== true);
  }

  /** Relationships of `type` from `id`, with their target. */
  related(id: string, type: string): { relationship: StixIn; target: StixIn }[] {
    return (this.from.get(id) ?? []).flatMap((relationship) => {
      const target = this.byId.get(String(relationship.target_ref));
      if (relationship.relationship_type !== type || !target || relationship.revoked === true) {
        return [];
      }
      return [{ relationship, target }];
    });
  }

  /** The name of who published an object (its `created_by_ref` identity). */
  publisher(object: StixIn): string | null {
    const identity = this.byId.get(String(object.created_by_ref ?? ""));
    return typeof identity?.name === "string" ? identity.name : null;
  }
}

/** `ThreatActor:apt40`: the record of this project an object stands for, when it is one. */
export function ownRecord(object: StixIn): { kind: string; id: string } | null {
  const reference = references(object).find((r) => r.source_name === RECORD_REFERENCE);
  const match = /^([A-Za-z]+):([^/]+)$/.exec(reference?.external_id ?? "");
  return match ? { kind: match[1], id: match[2] } : null;
}

/**
 * One of this project's custom properties: top-level (`x_attribution_graph_kind`) or inside a
 * property extension (`extensions[<definition>].kind`), where STIX 2.1 § 7.3 puts them.
 */
export function custom(object: Record<string, unknown>, name: string): unknown {
  if (object[`${X}${name}`] !== undefined) return object[`${X}${name}`];
  for (const extension of Object.values(isObject(object.extensions) ? object.extensions : {})) {
    if (!isObject(extension)) continue;
    if (extension[name] !== undefined) return extension[name];
    if (extension[`${X}${name}`] !== undefined) return extension[`${X}${name}`];
  }
  return undefined;
}

export function references(object: Record<string, unknown>): Reference[] {
  const list = Array.isArray(object.external_references) ? object.external_references : [];
  return list.filter(
    (r): r is Reference => isObject(r) && typeof r.source_name === "string" && !!r.source_name,
  );
}

export const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value.trim() : null;

export const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && !!v.trim()) : [];

/** `stix-<12 hex>` of the reference: the same reference has the same key on every run. */
export const sourceKey = (r: Reference) =>
  `${SOURCE_PREFIX}${createHash("sha256")
    .update(JSON.stringify([r.source_name, r.description ?? null, r.url ?? null]))
    .digest("hex")
    .slice(0, 12)}`;

/** What stix/model.ts sourceReference writes: "Title (2021-07-19, en)". */
const ABOUT =
  /^(?:(.*?) )?\((\d{4}(?:-\d{2}){0,2})?(?:, )?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,4})*)?\)$/;

/** A reference as a source: this project's own form read back, anyone else's as given. */
export function sourceEntry(r: Reference, own: boolean): SourceEntry | null {
  const url = r.url && URL_SHAPE.test(r.url) && r.url.length <= 2000 ? r.url : null;
  if (r.url && !url) return null;
  let title = r.description?.trim().slice(0, 500) || null;
  let publishedAt: string | null = null;
  let language: string | null = null;
  if (own && r.description) {
    const about = ABOUT.exec(r.description);
    if (about && (about[2] || about[3]))
      [title, publishedAt, language] = [about[1] ?? null, about[2] ?? null, about[3] ?? null];
  }
  const publisher = own && title === r.source_name ? null : r.source_name.slice(0, 200);
  return { url, title, publisher, publishedAt, language, excerpt: null };
}

/**
 * A STIX timestamp as a date as precise as `precision` says ("2021", "2021-03", "2021-07-19");
 * a day when nothing says.
 */
export function dateOf(value: unknown, precision: unknown): string | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  if (precision === "year") return value.slice(0, 4);
  if (precision === "month") return value.slice(0, 7);
  return value.slice(0, 10);
}
