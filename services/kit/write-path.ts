import { isDeepStrictEqual } from "node:util";
import type { DataSource, EntityManager } from "typeorm";
import { WriteAction, recordAudit } from "./audit";
import { type SourceEntry, compact, resolveSources } from "../../platform/bundle";
import { ErrorCode } from "../../platform/errors";
import { postgresFailure } from "../../platform/postgres-errors";
import type { Identity, SourceConflict } from "../../platform/identity";
import { SLUG, SLUG_MAX } from "./inputs";
import { type CheckedSources, checkSources } from "./write-sources";
import { sameAsStored } from "./write-unchanged";
import { updateStoredSources } from "./stored-sources";
import { registerSources } from "./source-registry";
import type { SourceInput } from "./source";
import { globalId } from "./node";
import { constraintProblems, problemTypes } from "./problems";
import { DeletePayload } from "./write-payloads";
import { type Problem } from "../../platform/problem";
import { type RecordSnapshot, type RecordWrites, rowOf } from "./records";
import { partTimes, stampDelete, stampWrite } from "./record-stamps";

export interface WriteContext {
  db: DataSource;
  /** An editor or admin: the mutations are `@Authorized(EDITOR)` (authorization.ts). */
  identity: Identity;
  /** What other subgraphs store otherwise of the sources this write sends (by the gateway). */
  sourceConflicts?: SourceConflict[];
  /** Signed by the gateway before it asks the others: answer UNCHANGED or write nothing. */
  unchangedOnly?: boolean;
}

/** Every problem of the record's sources and references at once, or nothing. */
async function problemsOf<I extends { id: string }>(
  db: EntityManager,
  writes: RecordWrites<I, unknown>,
  input: I,
  sources: SourceInput[],
  options: { updateSources: boolean; elsewhere: SourceConflict[] },
): Promise<CheckedSources> {
  const checked = await checkSources(db, input, sources, options);
  const problems = [...checked.problems, ...(await writes.check(db, input, ["input"]))];
  return { ...checked, problems };
}

/** Sources as records store them (every field, null when not given). */
const storedForm = (keys: string[], entries: Record<string, SourceEntry>) =>
  resolveSources(entries, keys, "sources");

/** What a write did, or, with problems, why it did nothing. */
export interface WriteResult {
  action: WriteAction | null;
  changed: boolean;
  problems: Problem[];
  /** The record's row as stored after the write (from the snapshot read); null with problems. */
  record: object | null;
}

/**
 * Answered to the gateway's `unchangedOnly` try of a write that is not unchanged: nothing is
 * written, and the gateway sends it again once the other subgraphs have checked its sources.
 */
const NOT_CHECKED: Problem = {
  path: ["sources"],
  code: "CONFLICT",
  message:
    "not unchanged, and its sources are not checked in the other subgraphs yet: send it again",
};

const refused = (problems: Problem[]): WriteResult => ({
  action: null,
  changed: false,
  problems,
  record: null,
});

/** What a write's transaction answers: commit or not, the action and the record's row. */
type Outcome = { commit: boolean; value: { action: WriteAction; row?: object } | Problem[] };

const unchanged = (before: RecordSnapshot): Outcome => ({
  commit: false,
  value: { action: WriteAction.UNCHANGED, row: rowOf(before) },
});

/**
 * Validates, then creates or updates one record in one transaction, audited and idempotent.
 * The record as stored is read first: re-sent unchanged, nothing else is read or written.
 */
export async function upsert<I extends { id: string }, T>(
  ctx: WriteContext,
  dbSchema: string,
  writes: RecordWrites<I, T>,
  input: I,
  sources: SourceInput[] | null | undefined,
  updateSources = false,
): Promise<WriteResult> {
  const sent = sources ?? [];
  const checks = { updateSources, elsewhere: ctx.sourceConflicts ?? [] };
  const invalid = await constraintProblems(input, ["input"]);
  if (ctx.unchangedOnly && (invalid.length || updateSources)) return refused([NOT_CHECKED]);
  if (invalid.length) {
    const checked = await problemsOf(ctx.db.manager, writes, input, sent, checks);
    return refused([...invalid, ...checked.problems]);
  }
  const record = compact(JSON.parse(JSON.stringify(input))) as I;
  const outcome = await inTransaction(ctx.db, async (tx): Promise<Outcome> => {
    await lockRecord(tx, writes.type, input.id);
    const before = await snapshot(writes, tx, input.id);
    // The record as stored passed the checks when it was written (not against other subgraphs').
    const fresh = !updateSources && !checks.elsewhere.length;
    if (fresh && (await sameAsStored(before, record, sent))) return unchanged(before!);
    if (ctx.unchangedOnly) return { commit: false, value: [NOT_CHECKED] };
    const checked = await problemsOf(tx, writes, input, sent, checks);
    if (checked.problems.length) return { commit: false, value: checked.problems };
    return rewrite(tx, { ...ctx, dbSchema, writes }, { record, before, checked, updateSources });
  });
  if (Array.isArray(outcome)) return refused(outcome);
  const { action, row } = outcome;
  return { action, changed: action !== WriteAction.UNCHANGED, problems: [], record: row ?? null };
}

/** Writes the record, and, when that changed it, stamps and audits it. */
async function rewrite<I extends { id: string }>(
  tx: EntityManager,
  {
    identity,
    dbSchema,
    writes,
  }: WriteContext & { dbSchema: string; writes: RecordWrites<I, unknown> },
  change: {
    record: I;
    before: RecordSnapshot | null;
    checked: CheckedSources;
    updateSources: boolean;
  },
): Promise<Outcome> {
  const { record, before, checked } = change;
  const id = record.id;
  await tx.query("SET CONSTRAINTS ALL IMMEDIATE");
  const saved = await partTimes(tx, writes, before);
  // Child rows store their sources in full: a source changed for every record rewrites them all.
  const stored = checked.changed.length ? undefined : before?.record;
  await writes.write(tx, record, checked.entries, stored);
  // Every record of this subgraph citing a changed source sees the change.
  if (change.updateSources)
    await updateStoredSources(tx, storedForm(checked.changed, checked.entries));
  // Every source it cites is a record of the subgraph's registry from now on.
  await registerSources(tx, checked.entries, change.updateSources);
  const after = (await snapshot(writes, tx, id))!;
  // Sent in another form than stored but the same record: roll the rewrite back, audit nothing.
  if (isDeepStrictEqual(before, after)) return unchanged(before!);
  const action = before ? WriteAction.UPDATED : WriteAction.CREATED;
  const time = await stampWrite(tx, dbSchema, writes, { id, before, after, saved });
  const at = time.updatedAt;
  await recordAudit(tx, dbSchema, identity, { type: writes.type, id, action, at, before, after });
  // The payload's record: the row the snapshot read, with its new system time.
  const row = rowOf(after);
  return { commit: true, value: { action, row: row && Object.assign(row, { recordTime: time }) } };
}

/** Deletes one record (its children cascade), audited; UNCHANGED when it does not exist. */
export async function remove<T>(
  ctx: WriteContext,
  dbSchema: string,
  writes: RecordWrites<{ id: string }, T>,
  id: string,
): Promise<DeletePayload> {
  const answer = (action: WriteAction | null, problems: Problem[]) =>
    Object.assign(new DeletePayload(), {
      id,
      globalId: globalId(writes.type, id),
      action,
      problems: problemTypes(problems),
    });
  if (!SLUG.test(id) || id.length > SLUG_MAX) {
    const message = "must be a slug: lowercase letters, digits and single hyphens";
    return answer(null, [{ path: ["id"], message }]);
  }
  const action = await inTransaction(ctx.db, async (tx) => {
    await lockRecord(tx, writes.type, id);
    const before = await snapshot(writes, tx, id);
    if (!before) return { commit: false, value: WriteAction.UNCHANGED };
    // A delete of a referenced record fails here, as a problem, not at commit.
    await tx.query("SET CONSTRAINTS ALL IMMEDIATE");
    await tx.getRepository(writes.entity).delete({ id } as never);
    const at = await stampDelete(tx, dbSchema, writes, id, before);
    await recordAudit(tx, dbSchema, ctx.identity, {
      type: writes.type,
      id,
      action: WriteAction.DELETED,
      at,
      before,
      after: null,
    });
    return { commit: true, value: WriteAction.DELETED };
  });
  return Array.isArray(action) ? answer(null, action) : answer(action, []);
}

async function snapshot(
  writes: RecordWrites<{ id: string }, unknown>,
  tx: EntityManager,
  id: string,
) {
  return (await writes.snapshotMany(tx, [id])).get(id) ?? null;
}

/**
 * Runs `work` in a transaction it commits or rolls back as `work` says; a constraint the
 * database refuses is answered as the input's problems.
 */
export async function inTransaction<V>(
  db: DataSource,
  work: (tx: EntityManager) => Promise<{ commit: boolean; value: V }>,
): Promise<V | Problem[]> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const { commit, value } = await work(runner.manager);
    if (commit) await runner.commitTransaction();
    else await runner.rollbackTransaction();
    return value;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    return conflict(error);
  } finally {
    await runner.release();
  }
}

/** Concurrent writes of one record queue behind each other: one record, never a mix. */
export async function lockRecord(tx: EntityManager, type: string, id: string) {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${type}:${id}`]);
}

/**
 * Inputs are checked before the transaction, so a constraint the database still refuses was
 * broken in between (a referenced record deleted meanwhile) or is a delete of a referenced
 * record: answered as a problem from the driver's structured fields, nothing written.
 */
function conflict(error: unknown): Problem[] {
  const failure = postgresFailure(error);
  if (failure?.code !== ErrorCode.BAD_USER_INPUT) throw error;
  const path = [failure.field ?? "input"];
  const code = failure.field === "id" ? "REFERENCED" : "CONFLICT";
  return [{ path, code, message: failure.message }];
}
