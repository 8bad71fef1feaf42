import { isDeepStrictEqual } from "node:util";
import type { EntityManager } from "typeorm";
import { type SourceEntry, compact, resolveSources } from "../../platform/bundle";
import type { Problem } from "../../platform/problem";
import { WriteAction } from "./audit";
import { constraintProblems } from "./problems";
import type { SourceInput } from "./source";
import { registerSources } from "./source-registry";
import { storedSources, updateStoredSources } from "./stored-sources";
import { type WriteContext, inTransaction, lockRecord } from "./write-path";
import { differences } from "./write-sources";

/** What `upsertSource` did in this subgraph, or would do (`dryRun`), or why it did nothing. */
export interface SourceWriteResult {
  action: WriteAction | null;
  changed: boolean;
  problems: Problem[];
  /** The definition as stored after the write (before it, on a dry run); null with problems. */
  source: SourceEntry | null;
}

const refused = (problems: Problem[]): SourceWriteResult => ({
  action: null,
  changed: false,
  problems,
  source: null,
});

/** The SOURCE_CONFLICT of a definition sent against the ones stored: which fields differ. */
function conflict(key: string, sent: SourceEntry, stored: SourceEntry[]): Problem {
  const fields = new Set(stored.flatMap((other) => differences(other, sent).split(", ")));
  const message = `"${key}" is stored with another definition (${[...fields].join(", ")} differ): send it as stored, or with \`updateSources: true\` to change it for every record citing it`;
  return { path: ["input"], code: "SOURCE_CONFLICT", message };
}

/**
 * Creates or changes one source in this subgraph's registry, in one transaction: the same
 * definition is UNCHANGED; another one is a SOURCE_CONFLICT unless `updateSources`, which
 * changes it for every record here citing it. A dry run checks and answers, writing nothing:
 * the gateway asks every subgraph that before writing to any (gateway/source-fan-out.ts).
 */
export async function upsertSource(
  ctx: WriteContext,
  input: SourceInput,
  options: { updateSources: boolean; dryRun: boolean },
): Promise<SourceWriteResult> {
  const invalid = await constraintProblems(input, ["input"]);
  if (invalid.length) return refused(invalid);
  const { key, ...fields } = input;
  const sent = compact({ ...fields }) as SourceEntry;
  const outcome = await inTransaction<WriteAction | Problem[]>(ctx.db, async (tx) => {
    await lockRecord(tx, "Source", key);
    const known = (await storedSources(tx, [key])).get(key) ?? [];
    const others = known.filter((entry) => !isDeepStrictEqual(entry, sent));
    if (others.length && !options.updateSources) {
      return { commit: false, value: [conflict(key, sent, others)] };
    }
    const action = !known.length
      ? WriteAction.CREATED
      : others.length
        ? WriteAction.UPDATED
        : WriteAction.UNCHANGED;
    if (options.dryRun) return { commit: false, value: action };
    return { commit: true, value: await write(tx, key, sent, action) };
  });
  if (Array.isArray(outcome)) return refused(outcome);
  return {
    action: outcome,
    changed: outcome !== WriteAction.UNCHANGED,
    problems: [],
    source: sent,
  };
}

async function write(
  tx: EntityManager,
  key: string,
  sent: SourceEntry,
  action: WriteAction,
): Promise<WriteAction> {
  // Registered when only copies held it; unchanged, nothing else is written.
  await registerSources(tx, { [key]: sent }, true);
  if (action === WriteAction.UPDATED) {
    await updateStoredSources(tx, resolveSources({ [key]: sent }, [key], "sources"));
  }
  return action;
}
