import { lazyLoaders } from "../kit/lazy-loaders";
import { recordLoaders } from "../kit/record-loaders";
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

/**
 * One set per request, each kind's loaders built at its first use: every list and reference
 * costs one batch of statements, not one per row.
 */
export const createLoaders = lazyLoaders(
  governmentLoaders,
  agencyLoaders,
  officialLoaders,
  statementLoaders,
  attributionLoaders,
  analyticsLoaders,
  ...recordLoaders("governments", [
    governmentWrites,
    agencyWrites,
    officialWrites,
    statementWrites,
  ]),
);
