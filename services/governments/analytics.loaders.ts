import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { keyedLoader } from "../kit/loaders";
import { firstAttributionRows, partnerRows } from "./analytics.sql";

/** The analytics read per incident or government: one statement for all of a request's. */
export function analyticsLoaders(db: DataSource, budget: ResponseBudget) {
  return {
    /** The earliest attributing statement on each incident, with its date. */
    firstAttributionOf: keyedLoader(
      budget,
      (incidentIds) => firstAttributionRows(db, incidentIds),
      (row) => row.incidentId,
    ),
    /** Each government's partners in joint attributions. */
    partnersOf: new DataLoader(async (governmentIds: readonly string[]) => {
      const rows = await partnerRows(db, governmentIds);
      return governmentIds.map((id) => rows.filter((row) => row.governmentId === id));
    }),
  };
}
