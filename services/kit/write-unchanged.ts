import { isDeepStrictEqual } from "node:util";
import { type SourceEntry, citedSources, compact } from "../../platform/bundle";
import { MAX_SOURCES } from "./inputs";
import { constraintProblems } from "./problems";
import type { RecordSnapshot } from "./records";
import type { SourceInput } from "./source";

/**
 * Whether `record` (bundle form) with the `sources` sent is the record as stored (`before`),
 * decided from its snapshot alone, before anything else is read or written: each source sent is
 * valid, sent once, cited, and as this record stores it; a key cited alone stands for what the
 * record stores. Anything else takes the whole path (checks, rewrite, comparison), which says
 * what is wrong or what changed.
 */
export async function sameAsStored(
  before: RecordSnapshot | null,
  record: object,
  sources: SourceInput[],
): Promise<boolean> {
  if (!before || sources.length > MAX_SOURCES) return false;
  const cited = new Set(citedSources(record).map(({ key }) => key));
  const sent = new Map<string, SourceEntry>();
  for (const source of sources) {
    if (sent.has(source.key) || !cited.has(source.key)) return false;
    if ((await constraintProblems(source, ["sources"])).length) return false;
    const { key, ...entry } = source;
    sent.set(key, compact({ ...entry }) as SourceEntry);
  }
  const entries = [...cited].map((key) => [key, sent.get(key) ?? before.sources[key]]);
  return isDeepStrictEqual(before, { record, sources: Object.fromEntries(entries) });
}
