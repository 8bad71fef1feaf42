import {
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLFormattedError,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  type SelectionSetNode,
  parse,
  print,
  visit,
} from "graphql";
import { atRoot, keyOf, named, probe, withProbes } from "./root-fields";

/**
 * `upsertSource` is shareable: every subgraph keeps the sources its records cite, and a source
 * is one record graph-wide only if all of them get it. The query planner sends a mutation field
 * to ONE subgraph (federation has no fan-out for mutations), so the gateway does it by hand: a
 * dry run of the same input in every subgraph, then, only when none has a problem, the write in
 * every subgraph. A change between the two rounds is not excluded (no transaction spans
 * subgraphs); re-sending the same input converges, as every write is idempotent.
 */
export const FAN_OUT_FIELD = "upsertSource";

/** Fields the gateway adds to read every subgraph's answer; taken out of the client's. */
const PROBES = {
  problems: "_fanOutProblems",
  changed: "_fanOutChanged",
  action: "_fanOutAction",
} as const;

export interface SubgraphAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** Sends `query` (with the request's variables) to one subgraph by name. */
export type SendTo = (subgraph: string, query: string) => Promise<SubgraphAnswer>;

const rootOperation = (document: DocumentNode) =>
  document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );

/** A subgraph operation that writes sources: a mutation with an `upsertSource` root field. */
export function writesSources(query: string): DocumentNode | null {
  if (!query.includes(FAN_OUT_FIELD)) return null;
  const document = parse(query);
  const operation = rootOperation(document);
  if (operation?.operation !== OperationTypeNode.MUTATION) return null;
  const writes = operation.selectionSet.selections.some(
    (s) => s.kind === Kind.FIELD && s.name.value === FAN_OUT_FIELD,
  );
  return writes ? document : null;
}

const PROBLEM_FIELDS: SelectionSetNode = {
  kind: Kind.SELECTION_SET,
  selections: ["path", "code", "message"].map((name) => named(name)),
};

const DRY_RUN: ArgumentNode = {
  kind: Kind.ARGUMENT,
  name: { kind: Kind.NAME, value: "dryRun" },
  value: { kind: Kind.BOOLEAN, value: true },
};

/**
 * The operation for one round: each `upsertSource` root field with the probes (its problems
 * `changed` and `action`) and, for the dry run, `dryRun: true`; with `only`, without the other root
 * fields (which exist in the chosen subgraph alone) and the variables only they used.
 */
export function fanOutOperation(
  document: DocumentNode,
  options: { dryRun: boolean; only: boolean },
): DocumentNode {
  const rewritten = visit(document, {
    Field(node, _key, _parent, _path, ancestors) {
      if (!atRoot(ancestors)) return undefined;
      if (node.name.value !== FAN_OUT_FIELD) return options.only ? null : undefined;
      return withProbes(
        { ...node, arguments: [...(node.arguments ?? []), ...(options.dryRun ? [DRY_RUN] : [])] },
        [
          probe(PROBES.problems, "problems", PROBLEM_FIELDS),
          probe(PROBES.changed, "changed"),
          probe(PROBES.action, "action"),
        ],
      );
    },
  });
  return options.only ? withoutUnusedVariables(rewritten) : rewritten;
}

function withoutUnusedVariables(document: DocumentNode): DocumentNode {
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable(node) {
      used.add(node.name.value);
    },
  });
  return visit(document, {
    VariableDefinition: (node) => (used.has(node.variable.name.value) ? undefined : null),
  });
}

/** The `upsertSource` root fields of the operation: response key and selection. */
function sourceFields(document: DocumentNode): FieldNode[] {
  return rootOperation(document)!.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === FAN_OUT_FIELD,
  );
}

type Payload = Record<string, unknown> | null | undefined;
type Problem = { path: string[]; code: string; message: string };

/** Every subgraph's problems for one field, each once. */
function problemsOf(answers: SubgraphAnswer[], key: string): Problem[] {
  const seen = new Map<string, Problem>();
  for (const answer of answers) {
    const problems = ((answer.data?.[key] as Payload)?.[PROBES.problems] ?? []) as Problem[];
    for (const p of problems) seen.set(JSON.stringify([p.path, p.code, p.message]), p);
  }
  return [...seen.values()];
}

/** The client's selection of a payload, filled from `values` (by field name). */
function payload(field: FieldNode, chosen: Payload, values: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const s of field.selectionSet?.selections ?? []) {
    if (s.kind !== Kind.FIELD) continue;
    const { value: name } = s.name;
    if (!Object.hasOwn(values, name)) out[keyOf(s)] = chosen?.[keyOf(s)];
    else out[keyOf(s)] = name === "problems" ? project(s, values[name] as Problem[]) : values[name];
  }
  return out;
}

/** Problems as the client selected them (aliases included). */
const project = (field: FieldNode, problems: Problem[] | null | undefined) =>
  (problems ?? []).map((p) => payload(field, null, { ...p, __typename: "Problem" }));

/**
 * Runs an operation that writes sources in every subgraph (`chosen`: the one the planner picked;
 * `subgraphs`: all, including it) and answers as `chosen` would: with every subgraph's problems
 * and nothing written when any has one, else with what the graph did (graphWide).
 */
export async function fanOutSourceWrites(
  document: DocumentNode,
  chosen: string,
  subgraphs: string[],
  send: SendTo,
): Promise<SubgraphAnswer> {
  const fields = sourceFields(document);
  const dryRun = print(fanOutOperation(document, { dryRun: true, only: true }));
  const checks = await Promise.all(subgraphs.map((name) => send(name, dryRun)));
  const failed = checks.find((answer) => answer.errors?.length);
  if (failed) return { ...failed, data: answerOf(fields, failed, () => ({})) };
  const problems = new Map(fields.map((f) => [keyOf(f), problemsOf(checks, keyOf(f))]));
  if ([...problems.values()].some((list) => list.length)) {
    const refused = (f: FieldNode) => ({
      action: null,
      changed: false,
      source: null,
      problems: problems.get(keyOf(f)),
    });
    // Other root fields of the operation are the chosen subgraph's own writes: they still run.
    const mixed = rootOperation(document)!.selectionSet.selections.length > fields.length;
    const answer = mixed
      ? await send(chosen, print(fanOutOperation(document, { dryRun: true, only: false })))
      : checks[subgraphs.indexOf(chosen)];
    return { ...answer, data: answerOf(fields, answer, refused) };
  }
  const only = print(fanOutOperation(document, { dryRun: false, only: true }));
  const all = print(fanOutOperation(document, { dryRun: false, only: false }));
  const writes = await Promise.all(
    subgraphs.map((name) => send(name, name === chosen ? all : only)),
  );
  const answer = writes[subgraphs.indexOf(chosen)];
  const changed = (f: FieldNode) => graphWide(writes.map((w) => w.data?.[keyOf(f)] as Payload));
  const errors = writes.flatMap((w) => w.errors ?? []);
  return { ...answer, data: answerOf(fields, answer, changed), ...(errors.length && { errors }) };
}

/**
 * One answer for the graph: `changed` when any subgraph changed; CREATED when every subgraph
 * created it, UNCHANGED when none changed, else UPDATED (a source one subgraph had, now in all).
 */
function graphWide(payloads: Payload[]) {
  const changed = payloads.some((p) => p?.[PROBES.changed] === true);
  const created = payloads.every((p) => p?.[PROBES.action] === "CREATED");
  return { changed, action: created ? "CREATED" : changed ? "UPDATED" : "UNCHANGED" };
}

/** `answer`'s data with each source field's payload as the client selected it, over `values`. */
function answerOf(
  fields: FieldNode[],
  answer: SubgraphAnswer,
  values: (field: FieldNode) => Record<string, unknown>,
): Record<string, unknown> | null {
  if (!answer.data) return answer.data ?? null;
  const data = { ...answer.data };
  for (const field of fields) {
    const chosen = data[keyOf(field)] as Payload;
    data[keyOf(field)] = chosen === null ? null : payload(field, chosen, values(field));
  }
  return data;
}
