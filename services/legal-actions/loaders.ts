import { lazyLoaders } from "../kit/lazy-loaders";
import { recordLoaders } from "../kit/record-loaders";
import { analyticsLoaders } from "./analytics.loaders";
import { defendantLoaders } from "./defendant.loaders";
import { legalActionLoaders } from "./legal-action.loaders";
import { legalActionWrites } from "./legal-action.writes";
import { personLoaders } from "./person.loaders";
import { personWrites } from "./person.writes";

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * One set per request, each kind's loaders built at its first use: every list and reference
 * costs one batch of statements, not one per row.
 */
export const createLoaders = lazyLoaders(
  legalActionLoaders,
  defendantLoaders,
  personLoaders,
  analyticsLoaders,
  ...recordLoaders("legal", [personWrites, legalActionWrites]),
);
