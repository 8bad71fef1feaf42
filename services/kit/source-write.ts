import { isDeepStrictEqual } from "node:util";
import type { EntityManager } from "typeorm";
import { type SourceEntry, compact, resolveSources } from "../../platform/bundle";
import type { Problem } from "../../platform/problem";
import { WriteAction, recordAudits } from "./audit";
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
  return (await upsertSources(ctx, [input], options))[0];
}

/**
 * `upsertSource` for each of `inputs`, in one transaction and one statement per step for them
 * all (per run of distinct keys): the gateway's checks and registrations of a write's sources in
 * the other subgraphs (gateway/record-sources.ts), which sent one request field and transaction
 * per source (a galaxy load: 7,000 of them). A refused input changes nothing; the others are
 * written.
 */
export async function upsertSources(
  ctx: WriteContext,
  inputs: SourceInput[],
  options: { updateSources: boolean; dryRun: boolean },
): Promise<SourceWriteResult[]> {
  // A key sent twice is written twice, in order, as two requests would.
  const again = inputs.findIndex((input, i) => inputs.findIndex((o) => o.key === input.key) < i);
  if (again > 0) {
    const first = await upsertSources(ctx, inputs.slice(0, again), options);
    return [...first, ...(await upsertSources(ctx, inputs.slice(again), options))];
  }
  const results: SourceWriteResult[] = [];
  const valid: { i: number; key: string; sent: SourceEntry }[] = [];
  for (const [i, input] of inputs.entries()) {
    const invalid = await constraintProblems(input, ["input"]);
    if (invalid.length) results[i] = refused(invalid);
    else {
      const { key, ...fields } = input;
      valid.push({ i, key, sent: compact({ ...fields }) as SourceEntry });
    }
  }
  const verdicts = (stored: Map<string, SourceEntry[]>) =>
    valid.map(({ key, sent }) => {
      const known = stored.get(key) ?? [];
      return { key, sent, known, action: verdictOf(key, sent, known, options.updateSources) };
    });
  const keys = valid.map((v) => v.key);
  // A dry run writes nothing, so it locks nothing: one read (a lock would end with it anyway).
  const outcome = !valid.length
    ? { decided: [] }
    : options.dryRun
      ? { decided: verdicts(await storedSources(ctx.db.manager, keys)) }
      : await inTransaction(ctx.db, async (tx) => {
          await lockRecords(tx, "Source", keys);
          const decided = verdicts(await storedSources(tx, keys));
          const changes = decided.filter(
            (d): d is typeof d & { action: WriteAction } => !Array.isArray(d.action),
          );
          if (changes.length) await write(tx, ctx, changes);
          return { commit: changes.length > 0, value: { decided } };
        });
  // The database refused the transaction: nothing was written, each says why.
  if (Array.isArray(outcome)) {
    for (const { i } of valid) results[i] = refused(outcome);
    return results;
  }
  for (const [n, { action, sent }] of outcome.decided.entries()) {
    results[valid[n].i] = Array.isArray(action)
      ? refused(action)
      : { action, changed: action !== WriteAction.UNCHANGED, problems: [], source: sent };
  }
  return results;
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

/** Registers the sources (where only copies held them), and changes them where they are cited. */
async function write(
  tx: EntityManager,
  ctx: WriteContext,
  changes: { key: string; sent: SourceEntry; known: SourceEntry[]; action: WriteAction }[],
): Promise<void> {
  // The rows it inserted or changed, with their new times: every CREATED or UPDATED key is one.
  const at = await registerSources(
    tx,
    Object.fromEntries(changes.map((c) => [c.key, c.sent])),
    true,
  );
  const changed = changes.filter((c) => c.action !== WriteAction.UNCHANGED);
  if (!changed.length) return;
  const updated = changed.filter((c) => c.action === WriteAction.UPDATED);
  if (updated.length) {
    const entries = Object.fromEntries(updated.map((c) => [c.key, c.sent]));
    await updateStoredSources(tx, resolveSources(entries, Object.keys(entries), "sources"));
  }
  // Who changed a source, and from what: it changes every record citing it.
  await recordAudits(
    tx,
    registrySchema(tx)!,
    ctx.identity,
    changed.map(({ key, sent, known, action }) => ({
      type: "Source",
      id: key,
      action,
      at: at.get(key)!,
      before: audited(key, known),
      after: audited(key, [sent]),
    })),
  );
}

/** lockRecord for each of `ids`, in one statement, in one order (two writers never deadlock). */
async function lockRecords(tx: EntityManager, type: string, ids: string[]) {
  if (ids.length === 1) return lockRecord(tx, type, ids[0]);
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtext(k)) FROM (SELECT DISTINCT $1 || ':' || id AS k
       FROM unnest($2::text[]) id) locks ORDER BY hashtext(k)`,
    [type, ids],
  );
}
