import type { DataSource } from "typeorm";
import { byIdLoader, childrenLoader } from "../kit/loaders";
import { Official, OfficialRole } from "./official";

/** Officials by id and their roles, batched per request. */
export function officialLoaders(db: DataSource) {
  return {
    officialById: byIdLoader(db, Official),
    rolesOf: childrenLoader(db, OfficialRole, "officialId"),
  };
}
