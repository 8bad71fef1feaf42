import { isDeepStrictEqual } from "node:util";
import type { EntityManager } from "typeorm";
import { type SourceEntry, compact, resolveSources } from "../../platform/bundle";
import type { Problem } from "../../platform/problem";
import { WriteAction, recordAudit } from "./audit";
import type { RecordSnapshot } from "./records";
import { constraintProblems } from "./problems";
import type { SourceInput } from "./source";
import { registerSources, registrySchema } from "./source-registry";
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
  const verdict = (known: SourceEntry[]) => verdictOf(key, sent, known, options.updateSources);
  // A dry run writes nothing, so it locks nothing: one read (a lock would end with it anyway).
  const outcome = options.dryRun
    ? verdict((await storedSources(ctx.db.manager, [key])).get(key) ?? [])
    : await inTransaction<WriteAction | Problem[]>(ctx.db, async (tx) => {
        await lockRecord(tx, "Source", key);
        const known = (await storedSources(tx, [key])).get(key) ?? [];
        const action = verdict(known);
        if (Array.isArray(action)) return { commit: false, value: action };
        await write(tx, ctx, { key, sent, known, action });
        return { commit: true, value: action };
      });
  if (Array.isArray(outcome)) return refused(outcome);
  return {
    action: outcome,
    changed: outcome !== WriteAction.UNCHANGED,
    problems: [],
    source: sent,
  };
}

/** What writing `sent` under `key` does, given the definitions stored, or its conflict. */
function verdictOf(
  key: string,
  sent: SourceEntry,
  known: SourceEntry[],
  updateSources: boolean,
): WriteAction | Problem[] {
  const others = known.filter((entry) => !isDeepStrictEqual(entry, sent));
  if (others.length && !updateSources) return [conflict(key, sent, others)];
  if (!known.length) return WriteAction.CREATED;
  return others.length ? WriteAction.UPDATED : WriteAction.UNCHANGED;
}

/** As a snapshot in the audit log: the source, or every definition of a forked key. */
const audited = (key: string, definitions: SourceEntry[]): RecordSnapshot | null =>
  definitions.length
    ? {
        record: definitions.length === 1 ? { key, ...definitions[0] } : { key, definitions },
        sources: {},
      }
    : null;

/** Registers the source (when only copies held it), and changes it where it is cited. */
async function write(
  tx: EntityManager,
  ctx: WriteContext,
  change: { key: string; sent: SourceEntry; known: SourceEntry[]; action: WriteAction },
): Promise<void> {
  const { key, sent, known, action } = change;
  await registerSources(tx, { [key]: sent }, true);
  if (action === WriteAction.UNCHANGED) return;
  if (action === WriteAction.UPDATED) {
    await updateStoredSources(tx, resolveSources({ [key]: sent }, [key], "sources"));
  }
  // Who changed a source, and from what: it changes every record citing it.
  const schema = registrySchema(tx)!;
  const [{ updated_at: at }]: { updated_at: Date }[] = await tx.query(
    `SELECT updated_at FROM "${schema}".source WHERE key = $1`,
    [key],
  );
  const before = audited(key, known);
  const after = audited(key, [sent]);
  await recordAudit(tx, schema, ctx.identity, {
    type: "Source",
    id: key,
    action,
    at,
    before,
    after,
  });
}
