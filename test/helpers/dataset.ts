import { readFileSync, readdirSync } from "node:fs";
import type { Bundle } from "../../services/common/bundle";
import { projectPath } from "../../services/common/paths";

/** The shipped dataset, merged, so tests derive expected values from the data files. */
export function shippedDataset() {
  const dir = projectPath("data");
  const bundles = readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as Bundle);
  const all = <T>(pick: (bundle: Bundle) => T[] | null | undefined): T[] =>
    bundles.flatMap((bundle) => pick(bundle) ?? []);
  const statements = all((b) => b.statements);
  return {
    governments: all((b) => b.governments),
    threatActors: all((b) => b.threatActors),
    incidents: all((b) => b.incidents),
    statements,
    legalActions: all((b) => b.legalActions),
    attributions: statements.flatMap((statement) =>
      (statement.attributions ?? []).map((attribution) => ({ ...attribution, statement })),
    ),
  };
}
