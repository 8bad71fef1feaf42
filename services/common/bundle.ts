import { type DatePrecision, formatPartialDate, parsePartialDate } from "./partial-date";
import type { SourceRecord } from "./source";

/** The interchange format of data/*.json, import and export: see data/README.md. */
export const BUNDLE_FORMAT = "attribution-graph.bundle/1";

export type SourceEntry = Omit<SourceRecord, "id">;

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  sources?: Record<string, SourceEntry>;
  governments?: GovernmentRecord[];
  agencies?: AgencyRecord[];
  officials?: OfficialRecord[];
  threatActors?: ThreatActorRecord[];
  incidents?: IncidentRecord[];
  statements?: StatementRecord[];
  legalActions?: LegalActionRecord[];
}

type Opt<T> = T | null | undefined;

interface Sourced {
  id: string;
  /** Keys of the bundle's `sources` map. */
  sources: string[];
}

export interface GovernmentRecord extends Sourced {
  name: string;
  kind: string;
  isoAlpha2?: Opt<string>;
  isoAlpha3?: Opt<string>;
  memberOf?: Opt<string[]>;
}

export interface AgencyRecord extends Sourced {
  name: string;
  acronym?: Opt<string>;
  kind: string;
  government: string;
  parent?: Opt<string>;
}

export interface OfficialRecord extends Sourced {
  name: string;
  roles: {
    title: string;
    agency?: Opt<string>;
    government: string;
    from?: Opt<string>;
    to?: Opt<string>;
  }[];
}

export interface ThreatActorRecord extends Sourced {
  name: string;
  kind: string;
  aliases?: Opt<{ name: string; namedBy?: Opt<string> }[]>;
  sponsorState?: Opt<string>;
  affiliatedAgency?: Opt<string>;
  description?: Opt<string>;
}

export interface IncidentRecord extends Sourced {
  name: string;
  aliases?: Opt<string[]>;
  kind: string;
  summary?: Opt<string>;
  firstObserved?: Opt<string>;
  disclosed?: Opt<string>;
  ended?: Opt<string>;
  impact?: Opt<string>;
  sectors?: Opt<string[]>;
  targetedCountries?: Opt<string[]>;
  cves?: Opt<string[]>;
  suspectedActors?: Opt<string[]>;
  timeline?: Opt<{ date: string; description: string; sources: string[] }[]>;
}

export interface StatementRecord extends Sourced {
  kind: string;
  issuedAt: string;
  issuer: string;
  cosigners?: Opt<string[]>;
  agency?: Opt<string>;
  speaker?: Opt<string>;
  title?: Opt<string>;
  language: string;
  text?: Opt<string>;
  summary?: Opt<string>;
  url?: Opt<string>;
  quotes?: Opt<
    {
      text: string;
      language: string;
      speaker?: Opt<string>;
      translations?: Opt<{ language: string; text: string; source?: Opt<string> }[]>;
    }[]
  >;
  attributions?: Opt<
    {
      id: string;
      incident: string;
      actor?: Opt<string>;
      state?: Opt<string>;
      agency?: Opt<string>;
      kind: string;
      confidenceWording?: Opt<string>;
      confidenceLevel?: Opt<string>;
      confidenceScore?: Opt<number>;
    }[]
  >;
}

export interface LegalActionRecord extends Sourced {
  kind: string;
  title: string;
  summary?: Opt<string>;
  jurisdiction: string;
  authority?: Opt<string>;
  court?: Opt<string>;
  caseNumber?: Opt<string>;
  filed?: Opt<string>;
  unsealed?: Opt<string>;
  announced?: Opt<string>;
  conductFrom?: Opt<string>;
  conductTo?: Opt<string>;
  status: string;
  charges?: Opt<
    {
      statute?: Opt<string>;
      description: string;
      counts?: Opt<number>;
      maximumPenalty?: Opt<string>;
    }[]
  >;
  defendants?: Opt<
    {
      name: string;
      kind?: Opt<string>;
      nationality?: Opt<string>;
      affiliatedActor?: Opt<string>;
      employer?: Opt<string>;
      status: string;
    }[]
  >;
  sanctions?: Opt<{ regime: string; measures: string[] }>;
  relatedIncidents?: Opt<string[]>;
  relatedActors?: Opt<string[]>;
}

/** Resolves a record's source keys against its bundle; an unknown key is an error. */
export function resolveSources(bundle: Bundle, keys: string[], path: string): SourceRecord[] {
  return keys.map((key, i) => {
    const entry = bundle.sources?.[key];
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
