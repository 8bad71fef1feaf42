import type { BundleKey } from "../../platform/bundle";
import { type Problem, formatPath } from "../../platform/problem";
import { recordReferences } from "../../platform/references";

/**
 * The references of a write's input that the gateway found in no subgraph (`unresolved`, signed
 * with the request), as payload warnings. A reference into this subgraph that does not exist is
 * already a NOT_FOUND problem at the same path: it is not repeated.
 */
export function unresolvedWarnings(
  key: BundleKey,
  input: object,
  unresolved: ReadonlySet<string>,
  problems: Problem[],
): Problem[] {
  if (!unresolved.size) return [];
  const reported = new Set(problems.map((problem) => formatPath(problem.path)));
  return recordReferences(key, input)
    .filter(({ type, id }) => unresolved.has(`${type}:${id}`))
    .map(({ at, type, id }) => ({
      path: ["input", ...at],
      code: "UNRESOLVED_REFERENCE",
      message: `${type} "${id}" does not exist in the graph: kept, since writes across sources are order-free (\`npm run integrity\` lists it until it resolves)`,
    }))
    .filter((warning) => !reported.has(formatPath(warning.path)));
}
