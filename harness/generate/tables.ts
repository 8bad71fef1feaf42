import type { Random } from "../random";

export type Row = Record<string, unknown>;

/** Rows per table, in an order that satisfies the foreign keys. */
export interface Dataset {
  sizes: Record<string, number>;
  tables: { table: string; rows: Row[] }[];
}

export type Tables = Dataset["tables"];

/** Entity counts for `statements` statements: the ratios of issue 5. */
export function datasetSizes(statements: number) {
  return {
    statements,
    governments: Math.min(400, Math.max(40, Math.round(statements / 250))),
    incidents: Math.max(50, Math.round(statements / 4)),
    actors: Math.max(40, Math.round(statements / 5)),
    legalActions: Math.max(40, Math.round(statements / 5)),
  };
}

export type Sizes = ReturnType<typeof datasetSizes>;

/**
 * What every part of the generator reads: one PRNG whose calls must stay in the same order
 * (else the same seed gives another dataset), the counts, and the government ids.
 */
export interface World {
  random: Random;
  sizes: Sizes;
  govIds: string[];
}
