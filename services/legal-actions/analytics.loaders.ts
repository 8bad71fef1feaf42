import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { keyedLoader } from "../kit/loaders";
import { firstLegalActionRows } from "./analytics.queries";

/** The analytics read per incident: one statement for all of a request's incidents. */
export function analyticsLoaders(db: DataSource, budget: ResponseBudget) {
  return {
    firstLegalActionOf: keyedLoader(
      budget,
      (incidentIds) => firstLegalActionRows(db, incidentIds),
      (row) => row.incidentId,
    ),
  };
}
