import {
  type DocumentNode,
  type FieldNode,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  parse,
  print,
  valueFromASTUntyped,
  visit,
} from "graphql";
import {
  MAX_SOURCE_CHECKS,
  MAX_SOURCE_CONFLICT_CLAIMS,
  type SourceConflict,
} from "../platform/identity";
import { UPSERT_KINDS } from "../platform/references";
import { atRoot, keyOf, probe, withProbes } from "./root-fields";
import type { SubgraphAnswer } from "./source-fan-out";

/**
 * A record write (`upsert<Type>(input:, sources:, updateSources:)`) goes to its own subgraph,
 * which checks its inline sources against what it stores; a source is one record graph-wide
 * only if the other subgraphs are asked too. So the gateway dry-runs `upsertSource` for each
 * sent source in every other subgraph first (their conflicts travel signed with the write,
 * which the subgraph then refuses whole), and once the write is done registers the sources
 * there (gateway/subgraph-source.ts). No transaction spans subgraphs: a write in between may
 * still make the rounds differ; sent again, the same input converges.
 *
 * A record re-sent as stored (an import run again) is the common write: an operation of record
 * writes alone, none with `updateSources`, first goes to its own subgraph only, signed
 * `unchangedOnly`; if every write answers UNCHANGED (nothing written, nothing to register) that
 * is the answer, else nothing was written and the rounds above follow. An unchanged record is
 * then answered UNCHANGED even where another subgraph came to store one of its sources
 * otherwise: nothing was written either way.
 */
const ACTION_PROBE = "_recordSourcesAction";

/** One record write of the operation: its response key and what it sends. */
export interface RecordWrite {
  field: string;
  sources: Record<string, unknown>[];
  updateSources: boolean;
}

export interface RecordSourceWrites {
  document: DocumentNode;
  writes: RecordWrite[];
  /** Every field of the operation is one of `writes`: it may be sent twice. */
  writesAlone: boolean;
}

/** What the gateway signs along with a record write (subgraph-source.ts). */
export interface WriteClaims {
  sourceConflicts: SourceConflict[];
  unchangedOnly: boolean;
}

/** Sends an operation of the gateway's own, with its variables, to one subgraph by name. */
export type SendOwn = (
  subgraph: string,
  query: string,
  variables: Record<string, unknown>,
) => Promise<SubgraphAnswer>;

const argument = (field: FieldNode, name: string, variables: Record<string, unknown>) => {
  const node = field.arguments?.find((a) => a.name.value === name);
  return node ? valueFromASTUntyped(node.value, variables) : undefined;
};

/** The record writes of a subgraph operation that send sources, or null when there are none. */
export function recordSourceWrites(
  query: string,
  variables: Record<string, unknown>,
): RecordSourceWrites | null {
  if (!query.trimStart().startsWith("mutation") || !query.includes("sources")) return null;
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operation?.operation !== OperationTypeNode.MUTATION) return null;
  const writes = operation.selectionSet.selections.flatMap((s): RecordWrite[] => {
    if (s.kind !== Kind.FIELD || !UPSERT_KINDS[s.name.value]) return [];
    const sent = argument(s, "sources", variables);
    // A malformed source is the subgraph's own problem to report; only the others are asked.
    const sources = (Array.isArray(sent) ? sent : []).filter(
      (source): source is Record<string, unknown> =>
        !!source && typeof source === "object" && typeof source.key === "string",
    );
    const updateSources = argument(s, "updateSources", variables) === true;
    return sources.length ? [{ field: keyOf(s), sources, updateSources }] : [];
  });
  const writesAlone = operation.selectionSet.selections.length === writes.length;
  return writes.length ? { document, writes, writesAlone } : null;
}

/** The write with the probe for each record write's `action`: set only when it was written. */
export function withActionProbe(document: DocumentNode, writes: RecordWrite[]): DocumentNode {
  const fields = new Set(writes.map((w) => w.field));
  return visit(document, {
    Field(node, _key, _parent, _path, ancestors) {
      if (!atRoot(ancestors) || !fields.has(keyOf(node))) return undefined;
      return withProbes(node, [probe(ACTION_PROBE, "action")]);
    },
  });
}

/** One `upsertSource` per distinct (source, updateSources) of the writes. */
interface Check {
  source: Record<string, unknown>;
  updateSources: boolean;
  /** The writes sending it. */
  fields: string[];
}

function checksOf(writes: RecordWrite[]): Check[] {
  const checks = new Map<string, Check>();
  for (const { field, sources, updateSources } of writes) {
    for (const source of sources) {
      const id = JSON.stringify([source, updateSources]);
      const check = checks.get(id) ?? { source, updateSources, fields: [] };
      check.fields.push(field);
      checks.set(id, check);
    }
  }
  return [...checks.values()];
}

type Payload = { action?: string | null; problems?: { code: string; message: string }[] } | null;
/** The payload of check `i` in a subgraph's answer to a sources operation. */
type PayloadOf = (answer: SubgraphAnswer, i: number) => Payload;

/**
 * `upsertSources` for the checks, as a dry run or a write: one field per `updateSources` value
 * (and per MAX_SOURCE_CHECKS checks), aliased `s<n>`, each one transaction in the subgraph.
 */
export function sourcesOperation(checks: Check[], dryRun: boolean) {
  const parts: { alias: string; updateSources: boolean; indexes: number[] }[] = [];
  for (const updateSources of [false, true]) {
    const indexes = checks.flatMap((check, i) =>
      check.updateSources === updateSources ? [i] : [],
    );
    for (let n = 0; n < indexes.length; n += MAX_SOURCE_CHECKS) {
      const part = indexes.slice(n, n + MAX_SOURCE_CHECKS);
      parts.push({ alias: `s${parts.length}`, updateSources, indexes: part });
    }
  }
  const where = new Map(
    parts.flatMap(({ alias, indexes }) => indexes.map((i, n) => [i, { alias, n }] as const)),
  );
  const fields = parts.map(
    ({ alias, updateSources }) =>
      `${alias}: upsertSources(inputs: $${alias}, updateSources: ${updateSources}${dryRun ? ", dryRun: true" : ""}) { action problems { code message } }`,
  );
  const payloadOf: PayloadOf = (answer, i) => {
    const { alias, n } = where.get(i)!;
    return (answer.data?.[alias] as Payload[] | null | undefined)?.[n] ?? null;
  };
  return {
    query: `mutation RecordSources(${parts.map(({ alias }) => `$${alias}: [SourceInput!]!`).join(", ")}) {\n  ${fields.join("\n  ")}\n}`,
    variables: Object.fromEntries(
      parts.map(({ alias, indexes }) => [alias, indexes.map((i) => checks[i].source)]),
    ),
    payloadOf,
  };
}

/**
 * What the other subgraphs' dry runs say against the writes ("legal-actions: ..."), as many as
 * the claims carry, each refused write's first before any second; null when more writes are
 * refused than that.
 */
function conflictsOf(
  checks: Check[],
  answers: Map<string, SubgraphAnswer>,
  payloadOf: PayloadOf,
): SourceConflict[] | null {
  const conflicts: SourceConflict[] = [];
  for (const [subgraph, answer] of answers) {
    checks.forEach((check, i) => {
      for (const problem of payloadOf(answer, i)?.problems ?? []) {
        if (problem.code !== "SOURCE_CONFLICT") continue;
        const message = `${subgraph}: ${problem.message}`;
        const key = check.source.key as string;
        for (const field of check.fields) conflicts.push({ field, key, message });
      }
    });
  }
  const firsts = conflicts.filter((c, i) => conflicts.findIndex((o) => o.field === c.field) === i);
  if (firsts.length > MAX_SOURCE_CONFLICT_CLAIMS) return null;
  const seconds = conflicts.filter((c) => !firsts.includes(c));
  return [...firsts, ...seconds].slice(0, MAX_SOURCE_CONFLICT_CLAIMS);
}

const TOO_MANY = {
  message: `more than ${MAX_SOURCE_CONFLICT_CLAIMS} writes of one document send sources other subgraphs store otherwise: send them in fewer documents`,
  extensions: { code: "BAD_USER_INPUT" },
};

const withoutPaths = (answer: SubgraphAnswer) =>
  (answer.errors ?? []).map(({ message, extensions }) => ({ message, extensions }));

/**
 * Runs the record writes of `found` in `chosen` (`write`, with the other subgraphs' conflicts
 * signed along), checked and then registered in every other subgraph of `subgraphs`.
 */
export async function writeWithRecordSources(
  found: RecordSourceWrites,
  chosen: string,
  subgraphs: string[],
  send: SendOwn,
  write: (query: string, claims: WriteClaims) => Promise<SubgraphAnswer>,
): Promise<SubgraphAnswer> {
  // Printed once: a write that is not unchanged sends the same text twice.
  const probed = print(withActionProbe(found.document, found.writes));
  if (found.writesAlone && !found.writes.some((w) => w.updateSources)) {
    const answer = await write(probed, { sourceConflicts: [], unchangedOnly: true });
    const unchanged = (w: RecordWrite) => actionOf(answer, w.field) === "UNCHANGED";
    if (!answer.errors?.length && found.writes.every(unchanged)) {
      return { ...answer, data: stripped(answer, found.writes) };
    }
  }
  const checks = checksOf(found.writes);
  const others = subgraphs.filter((name) => name !== chosen);
  const dryRun = sourcesOperation(checks, true);
  const dryRuns = new Map(
    await Promise.all(
      others.map(async (name) => [name, await send(name, dryRun.query, dryRun.variables)] as const),
    ),
  );
  const failed = [...dryRuns.values()].find((answer) => answer.errors?.length);
  // A subgraph that cannot say whether it stores the sources otherwise: nothing is written.
  if (failed) {
    return { errors: withoutPaths(failed), data: fieldsNull(found.writes) };
  }
  const conflicts = conflictsOf(checks, dryRuns, dryRun.payloadOf);
  // Refused writes the signed claims cannot all name: none is written.
  if (!conflicts) return { errors: [TOO_MANY], data: fieldsNull(found.writes) };
  const answer = await write(probed, { sourceConflicts: conflicts, unchangedOnly: false });
  const written = new Set(found.writes.map((w) => w.field).filter((f) => actionOf(answer, f)));
  const errors = await register(checks, written, dryRuns, dryRun.payloadOf, send);
  const all = [...(answer.errors ?? []), ...errors];
  return { ...answer, data: stripped(answer, found.writes), ...(all.length && { errors: all }) };
}

const fieldsNull = (writes: RecordWrite[]) =>
  Object.fromEntries(writes.map((w) => [w.field, null]));

const actionOf = (answer: SubgraphAnswer, field: string) =>
  (answer.data?.[field] as Record<string, unknown> | null | undefined)?.[ACTION_PROBE] ?? null;

/** The answer as the client asked it: without the probes. */
function stripped(answer: SubgraphAnswer, writes: RecordWrite[]) {
  if (!answer.data) return answer.data ?? null;
  const data = { ...answer.data };
  for (const { field } of writes) {
    const payload = data[field] as Record<string, unknown> | null | undefined;
    if (!payload) continue;
    const rest = { ...payload };
    delete rest[ACTION_PROBE];
    data[field] = rest;
  }
  return data;
}

/**
 * Writes each source of a written record in every other subgraph whose dry run said it would
 * create or change it (UNCHANGED ones cost nothing more); what fails there is an error of the
 * answer, the record being written already.
 */
async function register(
  checks: Check[],
  written: Set<string>,
  dryRuns: Map<string, SubgraphAnswer>,
  dryRunPayload: PayloadOf,
  send: SendOwn,
) {
  const rounds = [...dryRuns].map(async ([subgraph, dry]) => {
    const needed = checks.filter(
      (check, i) =>
        check.fields.some((f) => written.has(f)) &&
        ["CREATED", "UPDATED"].includes(dryRunPayload(dry, i)?.action ?? ""),
    );
    if (!needed.length) return [];
    const { query, variables, payloadOf } = sourcesOperation(needed, false);
    const answer = await send(subgraph, query, variables).catch((error: Error): SubgraphAnswer => ({
      errors: [{ message: error.message }],
    }));
    const problems = needed.flatMap((check, i) =>
      (payloadOf(answer, i)?.problems ?? []).map((problem) => ({
        message: `source "${String(check.source.key)}" was not registered in ${subgraph}: ${problem.message}`,
        extensions: { code: problem.code },
      })),
    );
    return [...withoutPaths(answer), ...problems];
  });
  return (await Promise.all(rounds)).flat();
}
