import type { DataSource } from "typeorm";
import { keyedLoader } from "../kit/loaders";
import { firstLegalActionRows } from "./analytics.queries";

/** The analytics read per incident: one statement for all of a request's incidents. */
export function analyticsLoaders(db: DataSource) {
  return {
    firstLegalActionOf: keyedLoader(
      (incidentIds) => firstLegalActionRows(db, incidentIds),
      (row) => row.incidentId,
    ),
  };
}
