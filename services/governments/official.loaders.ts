import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, childrenLoader } from "../kit/loaders";
import { Official, OfficialRole } from "./official";

/** Officials by id and their roles, batched per request. */
export function officialLoaders(db: DataSource, budget: ResponseBudget) {
  return {
    officialById: byIdLoader(db, budget, Official),
    rolesOf: childrenLoader(db, budget, OfficialRole, "officialId"),
  };
}
