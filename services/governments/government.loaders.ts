import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, nestedLoader } from "../kit/loaders";
import { nameOrdering } from "../kit/ordering";
import { Government, GovernmentConnection } from "./government";
import type { GovernmentListArgs } from "./government.inputs";
import { governmentQuery } from "./government.queries";

/** Governments by id, and the members of each union or alliance, batched per request. */
export function governmentLoaders(db: DataSource, budget: ResponseBudget) {
  const governmentById = byIdLoader(db, Government);
  return {
    governmentById,
    membersOf: nestedLoader(
      db,
      budget,
      GovernmentConnection,
      (args: GovernmentListArgs) => ({
        query: () => governmentQuery(db, args.filter),
        parent: (key) => `g.member_of_ids @> ARRAY[${key}]`,
        id: "g.id",
        fetch: (ids) => governmentById.loadMany(ids),
      }),
      (args) => nameOrdering("g", args.orderBy),
    ),
  };
}
