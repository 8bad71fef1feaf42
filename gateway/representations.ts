import type { SubgraphAnswer } from "./source-fan-out";

/** An entity fetch's variables with each representation once, and how to answer every place. */
export interface UniqueRepresentations {
  variables: Record<string, unknown>;
  /** The subgraph's answer to the unique list, as the answer to the list as planned. */
  spread(answer: SubgraphAnswer): SubgraphAnswer;
}

/**
 * An entity fetch asks for each entity once. Apollo's gateway sends a representation for every
 * place an entity appears (a page of attributions naming the same few incidents asks for each
 * incident many times) and the subgraph resolves and answers every one; Hive Gateway and Apollo
 * Router send each once. Undefined when there is nothing to remove.
 */
export function uniqueRepresentations(
  variables: Record<string, unknown> | undefined,
): UniqueRepresentations | undefined {
  const representations = variables?.representations;
  if (!Array.isArray(representations) || representations.length < 2) return undefined;
  const positions = new Map<string, number>();
  const unique: unknown[] = [];
  // The gateway builds every representation of a type with its key fields in one order.
  const at = representations.map((representation) => {
    const key = JSON.stringify(representation);
    let position = positions.get(key);
    if (position === undefined) {
      position = unique.length;
      positions.set(key, position);
      unique.push(representation);
    }
    return position;
  });
  if (unique.length === representations.length) return undefined;
  return {
    variables: { ...variables, representations: unique },
    spread: (answer) => spreadEntities(answer, at),
  };
}

/**
 * `_entities` back in planned order, each place its own copy (the gateway merges later fetches
 * into these objects), and an error at a unique entity repeated at each of its places.
 */
function spreadEntities(answer: SubgraphAnswer, at: number[]): SubgraphAnswer {
  const entities: unknown = answer.data?._entities;
  // Positions were numbered in order of first appearance: a place whose position is the next
  // new one is its entity's first place, and takes the answer's object itself.
  let firstUnseen = 0;
  const data = Array.isArray(entities)
    ? {
        ...answer.data,
        _entities: at.map((position) => {
          const entity: unknown = entities[position] ?? null;
          if (position < firstUnseen) return copyOf(entity);
          firstUnseen += 1;
          return entity;
        }),
      }
    : answer.data;
  const errors = answer.errors?.flatMap((error) => {
    const [root, position, ...rest] = error.path ?? [];
    if (root !== "_entities" || typeof position !== "number") return [error];
    return at.flatMap((p, i) =>
      p === position ? [{ ...error, path: ["_entities", i, ...rest] }] : [],
    );
  });
  return { ...answer, data, ...(errors ? { errors } : {}) };
}

/** A copy of a JSON value (an answer's entity): 15x faster than structuredClone on one entity. */
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf);
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyOf((value as Record<string, unknown>)[key]);
  return copy;
}
