import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader } from "../kit/loaders";
import { Agency } from "./agency";
import { agencyList } from "./agency.queries";

/** Agencies by id, and each government's agencies, batched per request. */
export function agencyLoaders(db: DataSource, budget: ResponseBudget) {
  const agencyById = byIdLoader(db, budget, Agency);
  return {
    agencyById,
    agenciesOf: agencyList.nested(db, budget, agencyById, (key) => `ag.government_id = ${key}`),
  };
}
