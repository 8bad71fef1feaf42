import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader } from "../kit/loaders";
import { Government } from "./government";
import { governmentList } from "./government.queries";

/** Governments by id, and the members of each union or alliance, batched per request. */
export function governmentLoaders(db: DataSource, budget: ResponseBudget) {
  const governmentById = byIdLoader(db, budget, Government);
  return {
    governmentById,
    membersOf: governmentList.nested(
      db,
      budget,
      governmentById,
      (key) => `g.member_of_ids @> ARRAY[${key}]`,
    ),
  };
}
