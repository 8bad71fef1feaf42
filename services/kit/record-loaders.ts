import type { DataSource } from "typeorm";
import { historyPages } from "./audit";
import type { ResponseBudget } from "./budget";
import { snapshotLoaders } from "./loaders";
import type { AnyRecordWrites } from "./records";

/**
 * The loader families every subgraph has besides its record kinds' (for `lazyLoaders`): the
 * audit history of its `schema` and the snapshots of its records' `kinds`.
 */
export const recordLoaders = (schema: string, kinds: AnyRecordWrites[]) =>
  [
    (db: DataSource, budget: ResponseBudget) => ({ history: historyPages(db, schema, budget) }),
    (db: DataSource, budget: ResponseBudget) => ({
      snapshots: snapshotLoaders(db, budget, kinds),
    }),
  ] as const;
