import type { DataSource } from "typeorm";
import { historyPages } from "../kit/audit";
import type { ResponseBudget } from "../kit/budget";
import { snapshotLoaders } from "../kit/loaders";
import { analyticsLoaders } from "./analytics.loaders";
import { defendantLoaders } from "./defendant.loaders";
import { legalActionLoaders } from "./legal-action.loaders";
import { legalActionWrites } from "./legal-action.writes";
import { personLoaders } from "./person.loaders";
import { personWrites } from "./person.writes";

export type Loaders = ReturnType<typeof createLoaders>;

/** One set per request: every list and reference costs one batch of statements, not one per row. */
export function createLoaders(db: DataSource, budget: ResponseBudget) {
  return {
    ...legalActionLoaders(db, budget),
    ...defendantLoaders(db, budget),
    ...personLoaders(db, budget),
    ...analyticsLoaders(db, budget),
    history: historyPages(db, "legal", budget),
    snapshots: snapshotLoaders(db, budget, [personWrites, legalActionWrites]),
  };
}
