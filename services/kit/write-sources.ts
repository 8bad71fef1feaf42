import { isDeepStrictEqual } from "node:util";
import type { EntityManager } from "typeorm";
import { type SourceEntry, citedSources, compact } from "../../platform/bundle";
import type { SourceConflict } from "../../platform/identity";
import type { Problem } from "../../platform/problem";
import { MAX_SOURCES } from "./inputs";
import { constraintProblems } from "./problems";
import type { SourceInput } from "./source";
import { storedSources } from "./stored-sources";

/** The sources a write is written with, by key: those sent, and the stored ones cited by key. */
export interface CheckedSources {
  problems: Problem[];
  entries: Record<string, SourceEntry>;
  /** Keys sent with another definition than one stored: to update with `updateSources`. */
  changed: string[];
}

/** The fields in which two definitions of a source differ: "title, url". */
export function differences(a: SourceEntry, b: SourceEntry): string {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SourceEntry>;
  return [...fields].filter((f) => !isDeepStrictEqual(a[f], b[f])).join(", ");
}

/**
 * A write's sources against what it cites and what this subgraph stores: a cited key is sent or
 * stored (then cited by key alone); a sent source is cited, and is the stored one unless
 * `updateSources` says to change it; every problem at once.
 */
export async function checkSources(
  db: EntityManager,
  input: object,
  sources: SourceInput[],
  { updateSources, elsewhere }: { updateSources: boolean; elsewhere: SourceConflict[] },
): Promise<CheckedSources> {
  const problems: Problem[] = [];
  if (sources.length > MAX_SOURCES) {
    problems.push({ path: ["sources"], message: `must have at most ${MAX_SOURCES} items` });
  }
  const sent = new Map<string, number>();
  for (const [i, source] of sources.entries()) {
    problems.push(...(await constraintProblems(source, ["sources", i])));
    if (sent.has(source.key)) {
      const message = `"${source.key}" is given twice`;
      problems.push({ path: ["sources", i, "key"], code: "DUPLICATE", message });
    }
    sent.set(source.key, i);
  }
  const cited = citedSources(input, ["input"]);
  const citedKeys = new Set(cited.map(({ key }) => key));
  const stored = await storedSources(db, [...new Set([...sent.keys(), ...citedKeys])]);
  const entries: Record<string, SourceEntry> = {};
  for (const { key, ...source } of sources) entries[key] = compact({ ...source }) as SourceEntry;
  const reported = new Set<string>();
  const changed: string[] = [];
  for (const { path, key } of cited) {
    if (sent.has(key) || reported.has(key)) continue;
    reported.add(key);
    const known = stored.get(key) ?? [];
    if (known.length === 1) entries[key] = known[0];
    else if (!known.length) {
      const message = `cites "${key}", which is neither in \`sources\` nor stored`;
      problems.push({ path, code: "UNKNOWN_SOURCE", message });
    } else {
      const message = `"${key}" is stored with ${known.length} definitions: send the right one in \`sources\``;
      problems.push({ path, code: "SOURCE_CONFLICT", message });
    }
  }
  for (const [key, i] of sent) {
    // A source sent for nothing is a mistake (a typo in a key), never silently dropped.
    if (!citedKeys.has(key)) {
      const message = `"${key}" is cited by nothing in \`input\``;
      problems.push({ path: ["sources", i, "key"], code: "UNCITED_SOURCE", message });
      continue;
    }
    const other = (stored.get(key) ?? []).find((e) => !isDeepStrictEqual(e, entries[key]));
    if (other) changed.push(key);
    if (other && !updateSources) {
      const message = `"${key}" is stored with another definition (${differences(other, entries[key])} differ): send it as stored, or with \`updateSources: true\` to change it for every record citing it`;
      problems.push({ path: ["sources", i], code: "SOURCE_CONFLICT", message });
    }
    // Another subgraph's definition, as the gateway found it there: "legal-actions: ...".
    for (const conflict of elsewhere.filter((c) => c.key === key)) {
      problems.push({ path: ["sources", i], code: "SOURCE_CONFLICT", message: conflict.message });
    }
  }
  return { problems, entries, changed };
}
