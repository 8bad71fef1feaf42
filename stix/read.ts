import { isDeepStrictEqual } from "node:util";
import {
  BUNDLE_FORMAT,
  type Bundle,
  type BundleKey,
  type BundleRecord,
  type SourceEntry,
} from "../platform/bundle";
import type { CollectionKey } from "./model";

/**
 * Runs one GraphQL operation through the gateway and answers its data; any error fails it, so
 * an export is never partial. Over HTTP (scripts) or in-process (the gateway's TAXII server).
 */
export type Execute = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

export interface Kind {
  key: BundleKey;
  type: string;
  list: string;
  order: string;
  /** The TAXII collection its objects are served in. */
  collection: CollectionKey;
}

const kind = (key: BundleKey, type: string, collection: CollectionKey, asc = false): Kind => ({
  key,
  type,
  list: key,
  order: asc ? "{ field: ID, direction: ASC }" : "{ field: ID }",
  collection,
});

/** In write order: a record's references inside its subgraph exist before it is written. */
export const KINDS: Kind[] = [
  kind("governments", "Government", "governments"),
  kind("agencies", "Agency", "governments"),
  kind("officials", "Official", "governments"),
  kind("threatActors", "ThreatActor", "incidents"),
  kind("incidents", "Incident", "incidents", true),
  kind("statements", "Statement", "governments", true),
  kind("persons", "Person", "legal-actions"),
  kind("legalActions", "LegalAction", "legal-actions", true),
];

export const kindOfType = (type: string) => KINDS.find((k) => k.type === type);

/** System time of a record (`recordTime`), as ISO strings with milliseconds. */
export interface Stamp {
  createdAt: string;
  updatedAt: string;
}

/** Global id ("Statement:…") → its system time. */
export type Stamps = Map<string, Stamp>;

/** What the export reads of each record: its bundle record with sources, and its system time. */
export const RECORD_FIELDS = "bundleRecord recordTime { createdAt updatedAt }";

export interface RecordNode {
  bundleRecord: { record: BundleRecord; sources: Record<string, SourceEntry> };
  recordTime: Stamp;
}

type ExportPage = {
  nodes: RecordNode[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const TOO_LARGE = ["RESPONSE_TOO_LARGE", "QUERY_TOO_COMPLEX"];

/**
 * A page of records past a byte budget (MAX_RESPONSE_BYTES), or whose worst case is
 * (MAX_WORST_CASE_BYTES): over HTTP or in-process, a smaller page passes.
 */
export const tooLarge = (error: unknown) => {
  const { code, extensions, message } = error as {
    code?: string;
    extensions?: { code?: string };
    message?: string;
  };
  return (
    TOO_LARGE.includes(code ?? "") ||
    TOO_LARGE.includes(extensions?.code ?? "") ||
    /^(RESPONSE_TOO_LARGE|QUERY_TOO_COMPLEX)\b/.test(message ?? "")
  );
};

/**
 * Runs `read(size)` from `size` down: asked again a quarter as large while the answer passes
 * the byte budget, down to one record.
 */
export async function shrinking<T>(size: number, read: (size: number) => Promise<T>): Promise<T> {
  for (let first = size; ; first = Math.ceil(first / 4)) {
    try {
      return await read(first);
    } catch (error) {
      if (first === 1 || !tooLarge(error)) throw error;
    }
  }
}

/** The page of `list` after `after`, of 100 records, or fewer when they pass the byte budget. */
const exportPage = (execute: Execute, { list, order }: Kind, after: string | null) =>
  shrinking(100, async (first) => {
    const data = await execute<{ page: ExportPage }>(
      `query Export($after: String, $first: Int) {
        page: ${list}(first: $first, after: $after, orderBy: ${order}) {
          nodes { ${RECORD_FIELDS} }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { after, first },
    );
    return data.page;
  });

/** Every record, page by page, kind after kind (KINDS order): a page at a time in memory. */
export async function* recordPages(
  execute: Execute,
): AsyncGenerator<{ kind: Kind; nodes: RecordNode[]; last: boolean }> {
  for (const kind of KINDS) {
    let after: string | null = null;
    for (;;) {
      const page: ExportPage = await exportPage(execute, kind, after);
      yield { kind, nodes: page.nodes, last: !page.pageInfo.hasNextPage };
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
  }
}

/** Sources by key, sorted: the same bytes on every export. */
export const sortedSources = (sources: Record<string, SourceEntry>) =>
  Object.fromEntries(
    Object.keys(sources)
      .sort()
      .map((key) => [key, sources[key]]),
  );

/**
 * Adds a record's sources to those read so far. Subgraphs keep their own copies, so one key may
 * have two definitions: that is said, never merged silently (the later one is kept).
 */
export function mergeSources(
  sources: Record<string, SourceEntry>,
  incoming: Record<string, SourceEntry>,
  progress: (line: string) => void,
): void {
  for (const [key, entry] of Object.entries(incoming)) {
    if (sources[key] && !isDeepStrictEqual(sources[key], entry)) {
      progress(
        `warning: source "${key}" has two definitions (subgraphs keep their own copies); the later one is kept`,
      );
    }
    sources[key] = entry;
  }
}

/** Reads every record, page by page, into one deterministic bundle and their system times. */
export async function exportRecords(
  execute: Execute,
  progress: (line: string) => void = () => undefined,
): Promise<{ bundle: Bundle; stamps: Stamps }> {
  const bundle: Bundle = { format: BUNDLE_FORMAT, sources: {} };
  const sources: Record<string, SourceEntry> = {};
  const stamps: Stamps = new Map();
  for await (const { kind, nodes, last } of recordPages(execute)) {
    const records = (bundle[kind.key] ??= []);
    for (const { bundleRecord, recordTime } of nodes) {
      records.push(bundleRecord.record);
      mergeSources(sources, bundleRecord.sources, progress);
      stamps.set(`${kind.type}:${bundleRecord.record.id}`, recordTime);
    }
    if (last) progress(`exported ${records.length} ${kind.key}`);
  }
  bundle.sources = sortedSources(sources);
  return { bundle, stamps };
}
