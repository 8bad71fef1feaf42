import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, nestedLoader } from "../kit/loaders";
import { nameOrdering } from "../kit/ordering";
import { Agency, AgencyConnection } from "./agency";
import type { AgencyListArgs } from "./agency.inputs";
import { agencyQuery } from "./agency.queries";

/** Agencies by id, and each government's agencies, batched per request. */
export function agencyLoaders(db: DataSource, budget: ResponseBudget) {
  const agencyById = byIdLoader(db, Agency);
  return {
    agencyById,
    agenciesOf: nestedLoader(
      db,
      budget,
      AgencyConnection,
      (args: AgencyListArgs) => ({
        query: () => agencyQuery(db, args.filter),
        parent: (key) => `ag.government_id = ${key}`,
        id: "ag.id",
        fetch: (ids) => agencyById.loadMany(ids),
      }),
      (args) => nameOrdering("ag", args.orderBy),
    ),
  };
}
