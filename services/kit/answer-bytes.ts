import {
  type GraphQLSchema,
  defaultFieldResolver,
  getNamedType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import type { ResponseBudget } from "./budget";

/** Text and JSON leaves: what makes an answer large (ids, numbers and enums are short). */
const isSizable = (name: string) => name === "String" || name.startsWith("JSON");

/**
 * Charges every text and JSON value a subgraph puts in an answer to the request's budget, as it
 * is resolved: the answer's size, repeats under aliases included, whatever the rows cost to read.
 * The resolvers are wrapped in place (as Apollo Server instruments a schema): a schema transform
 * would drop the `__resolveReference` functions buildSubgraphSchema keeps on the types.
 */
export function chargeAnswerBytes(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isScalarType(named) || !isSizable(named.name)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const nullable = !isNonNullType(field.type);
      field.resolve = (source, args, context, info) => {
        const value: unknown = resolve(source, args, context, info);
        const budget = (context as { budget?: ResponseBudget } | undefined)?.budget;
        if (!budget) return value;
        return value instanceof Promise
          ? value.then((resolved: unknown) => budget.answer(resolved, nullable))
          : budget.answer(value, nullable);
      };
    }
  }
}
