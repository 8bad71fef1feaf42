import type { DataSource } from "typeorm";
import { historyPages } from "../kit/audit";
import type { ResponseBudget } from "../kit/budget";
import { snapshotLoaders } from "../kit/loaders";
import { agencyLoaders } from "./agency.loaders";
import { agencyWrites } from "./agency.writes";
import { analyticsLoaders } from "./analytics.loaders";
import { attributionLoaders } from "./attribution.loaders";
import { governmentLoaders } from "./government.loaders";
import { governmentWrites } from "./government.writes";
import { officialLoaders } from "./official.loaders";
import { officialWrites } from "./official.writes";
import { statementLoaders } from "./statement.loaders";
import { statementWrites } from "./statement.writes";

export type Loaders = ReturnType<typeof createLoaders>;

/** One set per request: every list and reference costs one batch of statements, not one per row. */
export function createLoaders(db: DataSource, budget: ResponseBudget) {
  return {
    ...governmentLoaders(db, budget),
    ...agencyLoaders(db, budget),
    ...officialLoaders(db, budget),
    ...statementLoaders(db, budget),
    ...attributionLoaders(db, budget),
    ...analyticsLoaders(db, budget),
    history: historyPages(db, "governments", budget),
    snapshots: snapshotLoaders(db, budget, [
      governmentWrites,
      agencyWrites,
      officialWrites,
      statementWrites,
    ]),
  };
}
