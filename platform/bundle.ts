import { type DatePrecision, formatPartialDate, parsePartialDate } from "./partial-date";

/** The interchange format of data/*.json, import and export: see data/README.md. */
export const BUNDLE_FORMAT = "attribution-graph.bundle/1";

/** A source as stored (jsonb) and exchanged in bundles. */
export interface SourceRecord {
  id: string;
  url: string | null;
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
  language: string | null;
  excerpt: string | null;
}

export type SourceEntry = Omit<SourceRecord, "id">;

/** A source entry of the fields `entry` gives, the others null. */
export const sourceWith = (entry: Partial<SourceEntry>): SourceEntry => ({
  url: null,
  title: null,
  publisher: null,
  publishedAt: null,
  language: null,
  excerpt: null,
  ...entry,
});

export const BUNDLE_KEYS = [
  "governments",
  "agencies",
  "officials",
  "threatActors",
  "incidents",
  "statements",
  "persons",
  "legalActions",
] as const;

export type BundleKey = (typeof BUNDLE_KEYS)[number];

/** A record of a bundle: the shape of its kind's GraphQL input type (`StatementInput`, ...). */
export interface BundleRecord {
  id: string;
  /** Keys of the bundle's `sources` map. */
  sources: string[];
  [field: string]: unknown;
}

export type Bundle = {
  format: typeof BUNDLE_FORMAT;
  sources?: Record<string, SourceEntry>;
} & { [key in BundleKey]?: BundleRecord[] | null };

type Opt<T> = T | null | undefined;

/** Every source key a record cites, with its path: `sources` lists and translations' `source`. */
export function citedSources(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; key: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => citedSources(item, [...path, i]));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([field, child]) => {
    if (field === "sources" && Array.isArray(child)) {
      return child.map((key, i) => ({ path: [...path, field, i], key: String(key) }));
    }
    if (field === "source" && typeof child === "string")
      return [{ path: [...path, field], key: child }];
    return citedSources(child, [...path, field]);
  });
}

/** The distinct keys a record cites, in the order it cites them. */
export function citedKeys(record: unknown): string[] {
  return [...new Set(citedSources(record).map(({ key }) => key))];
}

/**
 * A write's `sources` argument: exactly the sources the record cites that `sources` defines (a
 * cited key it lacks is the stored source's; one it defines but the record does not cite is left
 * out, as the subgraph would refuse it).
 */
export function citedEntries(
  record: unknown,
  sources: Record<string, SourceEntry>,
): ({ key: string } & SourceEntry)[] {
  return citedKeys(record)
    .filter((key) => Object.hasOwn(sources, key))
    .map((key) => ({ key, ...sources[key] }));
}

/** Resolves a record's source keys against the sources given with it; an unknown key is an error. */
export function resolveSources(
  sources: Record<string, SourceEntry>,
  keys: string[],
  path: string,
): SourceRecord[] {
  return keys.map((key, i) => {
    const entry = Object.hasOwn(sources, key) ? sources[key] : undefined;
    if (!entry) throw new Error(`${path}.sources[${i}]: unknown source "${key}"`);
    return {
      id: key,
      url: entry.url ?? null,
      title: entry.title ?? null,
      publisher: entry.publisher ?? null,
      publishedAt: entry.publishedAt ?? null,
      language: entry.language ?? null,
      excerpt: entry.excerpt ?? null,
    };
  });
}

/** Stored date columns for an optional partial date; `path` names it in errors. */
export function dateColumns(value: Opt<string>, path: string) {
  if (!value) return { on: null, precision: null };
  const { on, precision } = parsePartialDate(value, path);
  return { on, precision };
}

/** Canonical bundle form: no null fields and no empty lists (but `sources`), recursively. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(
      ([key, v]) =>
        v !== null && v !== undefined && !(Array.isArray(v) && !v.length && key !== "sources"),
    )
    .map(([key, v]) => [key, compact(v)]);
  return Object.fromEntries(entries) as T;
}

/** A stored date back to its partial-date string ("2021-03"). */
export function partialDateString(on: string | null, precision: string | null): string | null {
  return on && precision ? formatPartialDate(on, precision as DatePrecision) : null;
}

/** Record source keys and the bundle `sources` entries they stand for. */
export function citeSources(records: SourceRecord[], into: Record<string, SourceEntry>): string[] {
  for (const { id, ...entry } of records) into[id] = compact(entry) as SourceEntry;
  return records.map((record) => record.id);
}
