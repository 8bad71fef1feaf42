import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import {
  GraphQLScalarType,
  type GraphQLSchema,
  type VariableDefinitionNode,
  coerceInputValue,
  isInputType,
  typeFromAST,
} from "graphql";
import { ErrorCode, apiError } from "../platform/errors";
import { partialDateValue } from "../platform/partial-date";
import { type Problem, formatPath } from "../platform/problem";

/** The most problems one answer lists, as the write path's. */
const MAX_PROBLEMS = 100;

/** The longest quoted value a message keeps: a bad enum value is named, a megabyte is not. */
const MAX_QUOTED = 40;

const checked = new WeakMap<GraphQLSchema, GraphQLSchema>();

/** The supergraph's scalars parse nothing; the gateway checks the ones it knows itself. */
function withScalars(schema: GraphQLSchema): GraphQLSchema {
  let mapped = checked.get(schema);
  if (!mapped) {
    mapped = mapSchema(schema, {
      [MapperKind.SCALAR_TYPE]: (type) =>
        type.name === "PartialDate"
          ? new GraphQLScalarType({ ...type.toConfig(), parseValue: partialDateValue })
          : type,
    });
    checked.set(schema, mapped);
  }
  return mapped;
}

/** One line, values cut short: what is wrong and where, never the input itself. */
function oneLine(message: string, production: boolean): string {
  const text = production ? message.replace(/ ?Did you mean(.+?)\?$/, "") : message;
  return text
    .replace(/\s+/g, " ")
    .replace(/"((?:[^"\\]|\\.)*)"/g, (quoted, inner: string) =>
      inner.length > MAX_QUOTED ? `"${inner.slice(0, MAX_QUOTED)}…"` : quoted,
    );
}

/** Every value of the request's variables the schema refuses, each at its path. */
export function variableProblems(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
  variables: Record<string, unknown> | undefined,
  production: boolean,
): Problem[] {
  const problems: Problem[] = [];
  const typed = withScalars(schema);
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(typed, definition.type as never);
    const value = variables?.[name];
    // An unknown type is validation's to refuse; a missing value is GraphQL's own one-liner.
    if (!type || !isInputType(type) || value === undefined) continue;
    coerceInputValue(value, type, (path, _invalid, error) => {
      problems.push({ path: [name, ...path], message: oneLine(error.message, production) });
    });
  }
  return problems;
}

/**
 * GraphQL's own refusals of variables (an enum value, an unknown field, a date not in the
 * calendar) as one BAD_USER_INPUT listing each problem in one line with its path, like the
 * write path's: graphql-js's messages repeat the whole input value at every mistake.
 */
export function variableProblemsPlugin<C extends BaseContext>(
  production: boolean,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          const all = variableProblems(
            schema,
            operation?.variableDefinitions ?? [],
            request.variables,
            production,
          );
          if (!all.length) return;
          const problems = all.slice(0, MAX_PROBLEMS);
          const listed = problems.map((p) => `$${formatPath(p.path)}: ${p.message}`);
          const message =
            all.length === 1 ? listed[0] : `${all.length} problems: ${listed.join("; ")}`;
          throw apiError(
            ErrorCode.BAD_USER_INPUT,
            message,
            {
              field: formatPath(problems[0].path),
              problems: problems.map((p) => ({
                path: p.path,
                code: "INVALID",
                message: p.message,
              })),
            },
            400,
          );
        },
      };
    },
  };
}
