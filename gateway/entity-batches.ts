import {
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  parse,
  print,
  type VariableDefinitionNode,
  visit,
} from "graphql";
import type { SubgraphAnswer } from "./source-fan-out";

export interface EntityRequest {
  query?: string;
  variables?: Record<string, unknown>;
}

/** Entity fetches of one plan step as one request, and its answer as each fetch's. */
export interface MergedEntityFetches {
  request: { query: string; variables: Record<string, unknown>; operationName: string };
  split(answer: SubgraphAnswer): SubgraphAnswer[];
}

/** The alias and variable prefix of the `index`th fetch of a merged request. */
const part = (index: number) => `_f${index}`;

/** Merged documents by their parts' queries: a plan's fetches repeat with its queries. */
const merged = new Map<string, { query: string; operationName: string } | null>();
const MAX_MERGED = 500;

/**
 * Apollo's planner sends the parallel entity fetches of one plan step to one subgraph as
 * separate requests (apollographql/federation#2240, #2661): the filtered list asks the incidents
 * subgraph for incident names and for threat-actor names at once, in two requests; Hive Gateway
 * sends one. Several `_entities` queries become one with each `_entities` aliased and its
 * variables and fragments renamed. Undefined when a fetch is not a lone `_entities` query.
 */
export function mergeEntityFetches(requests: EntityRequest[]): MergedEntityFetches | undefined {
  const key = requests.map((r) => r.query ?? "").join("\u0000");
  let document = merged.get(key);
  if (document === undefined) {
    document = mergedDocument(requests.map((r) => r.query ?? ""));
    if (merged.size >= MAX_MERGED) merged.clear();
    merged.set(key, document);
  }
  if (!document) return undefined;
  const variables: Record<string, unknown> = {};
  requests.forEach((request, i) => {
    for (const [name, value] of Object.entries(request.variables ?? {})) {
      variables[`${part(i)}_${name}`] = value;
    }
  });
  const aliases = requests.map((_, i) => part(i));
  return {
    request: { ...document, variables },
    split: (answer) => aliases.map((alias) => partOf(answer, alias, aliases)),
  };
}

function mergedDocument(queries: string[]): { query: string; operationName: string } | null {
  const definitions: DefinitionNode[] = [];
  const variableDefinitions: VariableDefinitionNode[] = [];
  const fields: FieldNode[] = [];
  let name: string | undefined;
  for (const [i, query] of queries.entries()) {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const [operation] = operations;
    const [field] = operation?.selectionSet.selections ?? [];
    if (
      operations.length !== 1 ||
      operation.operation !== OperationTypeNode.QUERY ||
      operation.selectionSet.selections.length !== 1 ||
      field.kind !== Kind.FIELD ||
      field.name.value !== "_entities" ||
      field.alias
    ) {
      return null;
    }
    name ??= operation.name?.value;
    const renamed = visit(document, {
      Variable: (node) => ({
        ...node,
        name: { ...node.name, value: `${part(i)}_${node.name.value}` },
      }),
      FragmentDefinition: (node) => ({
        ...node,
        name: { ...node.name, value: `${node.name.value}${part(i)}` },
      }),
      FragmentSpread: (node) => ({
        ...node,
        name: { ...node.name, value: `${node.name.value}${part(i)}` },
      }),
    });
    for (const definition of renamed.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) {
        definitions.push(definition);
        continue;
      }
      variableDefinitions.push(...(definition.variableDefinitions ?? []));
      const entities = definition.selectionSet.selections[0] as FieldNode;
      fields.push({ ...entities, alias: { kind: Kind.NAME, value: part(i) } });
    }
  }
  const operationName = `${name ?? "Entities"}__merged`;
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: { kind: Kind.NAME, value: operationName },
    variableDefinitions,
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
  };
  return {
    query: print({ kind: Kind.DOCUMENT, definitions: [operation, ...definitions] }),
    operationName,
  };
}

/** One fetch's answer: its `_entities` (`alias`), and the errors on its part or on none. */
function partOf(answer: SubgraphAnswer, alias: string, aliases: string[]): SubgraphAnswer {
  const data =
    answer.data === null || answer.data === undefined
      ? answer.data
      : { _entities: (answer.data as Record<string, unknown>)[alias] ?? null };
  const errors = answer.errors?.flatMap((error) => {
    const [root, ...rest] = error.path ?? [];
    if (typeof root !== "string" || !aliases.includes(root)) return [error];
    return root === alias ? [{ ...error, path: ["_entities", ...rest] }] : [];
  });
  return { ...answer, data, ...(errors ? { errors } : {}) };
}
