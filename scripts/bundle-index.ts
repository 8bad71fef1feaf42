import { type BundleKey, type SourceEntry, citedSources } from "../platform/bundle";
import {
  type BundleReference,
  type ReferencedType,
  REFERENCES,
  bundleProblem,
  jsonPath,
  recordReferences,
} from "../platform/references";
import type { BundleEntries, BundleEntry } from "./bundle-file";
import { fieldErrors, recordErrors } from "./validation";

/** The most problems an import lists (it counts the rest): a report, not a copy of the file. */
export const MAX_PROBLEMS = 1000;

/**
 * What the first read of a bundle keeps: its problems, and what the checks after it need (ids,
 * references, cited source keys, the sources map), never the records themselves.
 */
export interface BundleIndex {
  /** At most MAX_PROBLEMS; `problemCount` counts them all. */
  problems: string[];
  problemCount: number;
  /** Records per list, in the order the lists come (`null` lists left out). */
  counts: Map<BundleKey, number>;
  ids: Map<BundleKey, Set<string>>;
  referenced: Map<ReferencedType, Set<string>>;
  cited: Set<string>;
  sources: Record<string, SourceEntry>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function addProblems(index: BundleIndex, problems: string[]) {
  index.problemCount += problems.length;
  const room = MAX_PROBLEMS - index.problems.length;
  if (room > 0) index.problems.push(...problems.slice(0, room));
}

function indexRecord(index: BundleIndex, key: BundleKey, i: number, record: unknown) {
  index.counts.set(key, (index.counts.get(key) ?? 0) + 1);
  addProblems(index, recordErrors(key, i, record));
  if (!isObject(record)) return;
  if (typeof record.id === "string") index.ids.get(key)!.add(record.id);
  for (const { type, id } of recordReferences(key, record)) {
    if (!index.referenced.has(type)) index.referenced.set(type, new Set());
    index.referenced.get(type)!.add(id);
  }
  for (const { key: source } of citedSources(record)) index.cited.add(source);
}

/** Reads a bundle once, checking each part against the bundle schema as it comes. */
export async function indexBundle(entries: AsyncIterable<BundleEntry>): Promise<BundleIndex> {
  const index: BundleIndex = {
    problems: [],
    problemCount: 0,
    counts: new Map(),
    ids: new Map(),
    referenced: new Map(),
    cited: new Set(),
    sources: {},
  };
  const seen = new Set<string>();
  for await (const entry of entries) {
    if (entry.type === "problem") addProblems(index, [entry.message]);
    else if (entry.type === "format" || entry.type === "sources") {
      seen.add(entry.type);
      const problems = fieldErrors(entry.type, entry.value);
      addProblems(index, problems);
      if (entry.type === "sources" && !problems.length) {
        index.sources = entry.value as Record<string, SourceEntry>;
      }
    } else if (entry.type === "list") {
      index.ids.set(entry.key, new Set());
      if (entry.value === "array") index.counts.set(entry.key, 0);
    } else indexRecord(index, entry.key, entry.index, entry.record);
  }
  // A file that is no object lacks nothing more.
  for (const key of index.problems[0]?.startsWith("$: ") ? [] : ["format", "sources"]) {
    if (!seen.has(key)) addProblems(index, [`$.${key}: is required`]);
  }
  return index;
}

/**
 * Reads the bundle again for the paths of what the index found wrong (`problemsOf` each record),
 * listed by list in `order` then as they come: the index keeps ids, not where they are.
 */
async function locate(
  entries: BundleEntries,
  order: readonly BundleKey[],
  problemsOf: (key: BundleKey, index: number, record: Record<string, unknown>) => string[],
): Promise<string[]> {
  const byKey = new Map<BundleKey, string[]>(order.map((key) => [key, []]));
  for await (const entry of entries()) {
    if (entry.type !== "record" || !isObject(entry.record)) continue;
    const found = byKey.get(entry.key)!;
    if (found.length < MAX_PROBLEMS)
      found.push(...problemsOf(entry.key, entry.index, entry.record));
  }
  return order.flatMap((key) => byKey.get(key)!).slice(0, MAX_PROBLEMS);
}

/** Source keys records cite that `$.sources` does not define, by JSON path. */
export async function sourceProblems(
  entries: BundleEntries,
  index: BundleIndex,
  order: readonly BundleKey[],
): Promise<string[]> {
  // Own keys only: "constructor" must not be found on Object.prototype.
  const missing = new Set([...index.cited].filter((key) => !Object.hasOwn(index.sources, key)));
  if (!missing.size) return [];
  return locate(entries, order, (key, i, record) =>
    citedSources(record)
      .filter(({ key: source }) => missing.has(source))
      .map(({ path, key: source }) => {
        return `$.${key}[${i}]${jsonPath(path)}: source "${source}" is not in $.sources`;
      }),
  );
}

/** The references naming one of the `missing` ids of their type, by JSON path. */
export async function referenceProblems(
  entries: BundleEntries,
  missing: Map<ReferencedType, Set<string>>,
): Promise<string[]> {
  if (![...missing.values()].some((ids) => ids.size)) return [];
  const order = Object.keys(REFERENCES) as BundleKey[];
  return locate(entries, order, (key, i, record) =>
    recordReferences(key, record)
      .filter(({ type, id }) => missing.get(type)?.has(id))
      .map(({ at, type, id }): BundleReference => ({
        path: `$.${key}[${i}]${jsonPath(at)}`,
        type,
        id,
      }))
      .map(bundleProblem),
  );
}
