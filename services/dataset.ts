import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { projectPath } from "../platform/paths";
import { BUNDLE_FORMAT, type Bundle } from "../platform/bundle";
import { type SubgraphDefinition, loadBundle } from "./kit/subgraph";

export const DATA_DIR = projectPath("data");

/** The bundles of `dir` in file-name order. */
export async function readBundles(dir = DATA_DIR): Promise<{ file: string; bundle: Bundle }[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".json")).sort();
  const bundles = [];
  for (const file of files) {
    const bundle = JSON.parse(await readFile(join(dir, file), "utf8")) as Bundle;
    if (bundle.format !== BUNDLE_FORMAT) {
      throw new Error(`${file}: "format" must be "${BUNDLE_FORMAT}"`);
    }
    bundles.push({ file, bundle });
  }
  return bundles;
}

/** Loads the shipped dataset into a subgraph whose tables are still empty. */
export async function seedIfEmpty(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definition: SubgraphDefinition<any>,
  db: DataSource,
  bundles: { file: string; bundle: Bundle }[],
  log: (line: string) => void = () => undefined,
): Promise<number> {
  const [firstEntity] = definition.entities;
  if ((await db.getRepository(firstEntity).count()) > 0) return 0;
  let written = 0;
  for (const { file, bundle } of bundles) {
    try {
      written += await loadBundle(definition, db.manager, bundle);
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  log(`${definition.name}: loaded ${written} records from ${bundles.length} bundles`);
  return written;
}
