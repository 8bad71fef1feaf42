import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, Kind, visit } from "graphql";
import { ErrorCode, apiError } from "./errors";
import { type Problem, formatPath } from "./problem";

/** Deeper variables than any input of the schema can hold are refused, not walked. */
export const MAX_VARIABLE_DEPTH = 32;
const MAX_REPORTED = 20;

/**
 * What no input of this API may carry, checked before anything runs: the NUL character
 * (PostgreSQL text cannot hold it), lone UTF-16 surrogates (PostgreSQL would store U+FFFD
 * instead), numbers JSON cannot carry on (1e309 parses as Infinity and would travel as null),
 * and variables nested deeper than MAX_VARIABLE_DEPTH. Iterative: a 10,000-deep variable is
 * refused without recursion.
 */
export function inputProblems(variables: unknown, document: DocumentNode): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [
    { value: variables, path: ["variables"] },
  ];
  while (stack.length && problems.length < MAX_REPORTED) {
    const { value, path } = stack.pop()!;
    if (path.length > MAX_VARIABLE_DEPTH + 1) {
      problems.push({
        path: path.slice(0, 3),
        message: `is nested deeper than ${MAX_VARIABLE_DEPTH} levels`,
      });
      break;
    }
    if (typeof value === "string") {
      const wrong = textProblem(value);
      if (wrong) problems.push({ path, message: wrong });
    } else if (typeof value === "number" && !Number.isFinite(value)) {
      problems.push({ path, message: "is a number out of range" });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (value && typeof value === "object") {
      for (const key of Object.keys(value)) {
        const wrongKey = textProblem(key);
        if (wrongKey) problems.push({ path, message: `has a key that ${wrongKey}` });
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return [...problems, ...literalProblems(document)].slice(0, MAX_REPORTED);
}

// A repeated operation is the same DocumentNode (Apollo caches parsed documents): its literals
// are walked once, not on every request.
const literalsChecked = new WeakMap<DocumentNode, Problem[]>();

function literalProblems(document: DocumentNode): Problem[] {
  const cached = literalsChecked.get(document);
  if (cached) return cached;
  const found: Problem[] = [];
  visit(document, {
    [Kind.STRING]: (node) => {
      const wrong = textProblem(node.value);
      if (wrong && found.length < MAX_REPORTED) {
        const line = node.loc?.startToken.line ?? "?";
        found.push({
          path: ["query"],
          message: `has a string literal (line ${line}) that ${wrong}`,
        });
      }
    },
  });
  literalsChecked.set(document, found);
  return found;
}

function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain the NUL character (U+0000)";
  // In unicode mode a valid surrogate pair is one code point; only a lone half is category Cs.
  if (/\p{Cs}/u.test(text)) return "must not contain a lone UTF-16 surrogate (malformed Unicode)";
  return null;
}

/**
 * Refuses, with HTTP 400 and every problem by path, a request whose inputs `inputProblems` flags;
 * a `trusted` request (checked by the gateway already) is not walked again.
 */
export function inputGuardPlugin(
  trusted: (context: unknown) => boolean = () => false,
): ApolloServerPlugin {
  return {
    async requestDidStart({ contextValue }) {
      if (trusted(contextValue)) return;
      return {
        async didResolveOperation({ request, document }) {
          const problems = inputProblems(request.variables ?? {}, document);
          if (!problems.length) return;
          throw apiError(
            ErrorCode.BAD_USER_INPUT,
            problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join("; "),
            { problems },
            400,
          );
        },
      };
    },
  };
}
