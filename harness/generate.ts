import { Random } from "./random";
import { governmentTables } from "./generate/governments";
import { incidentTables } from "./generate/incidents";
import { legalActionTables } from "./generate/legal-actions";
import { statementTables } from "./generate/statements";
import { type Dataset, type World, datasetSizes } from "./generate/tables";

export { type Dataset, type Row, datasetSizes } from "./generate/tables";

/** A deterministic dataset: the same `statements` and `seed` give the same rows. */
export function generateDataset(statements: number, seed = 42): Dataset {
  const sizes = datasetSizes(statements);
  const world: World = {
    random: new Random(seed),
    sizes,
    govIds: Array.from({ length: sizes.governments }, (_, g) => `state-${g}`),
  };
  // In this order: every part draws from the one PRNG, and later parts refer to earlier rows.
  const governments = governmentTables(world);
  const { tables: incidentRows, incidents } = incidentTables(world);
  const tables = [
    ...governments,
    ...incidentRows,
    ...statementTables(world, incidents),
    ...legalActionTables(world, incidents),
  ];
  return {
    sizes: Object.fromEntries(tables.map(({ table, rows }) => [table, rows.length])),
    tables,
  };
}
