import { citeSources, resolveSources } from "../../platform/bundle";
import { type RecordWrites, referenceProblems, snapshots } from "../kit/records";
import { orNull, pick } from "../kit/record-fields";
import { Government } from "./government";
import type { GovernmentInput } from "./government.inputs";

export const governmentWrites: RecordWrites<GovernmentInput, Government> = {
  type: "Government",
  bundleKey: "governments",
  entity: Government,
  check: (db, g, path) =>
    referenceProblems(
      db,
      Government,
      "Government",
      (g.memberOf ?? [])
        .filter((id) => id !== g.id)
        .map((id, i) => ({ path: [...path, "memberOf", i], id })),
    ),
  async write(tx, g, sources) {
    await tx.getRepository(Government).upsert(
      {
        ...pick(g, "id", "name", "kind"),
        ...orNull(g, "isoAlpha2", "isoAlpha3"),
        memberOfIds: g.memberOf ?? [],
        sourceRecords: resolveSources(sources, g.sources, "government"),
      },
      ["id"],
    );
  },
  snapshotMany: (tx, ids) =>
    snapshots(tx, Government, ids, (g, sources) => ({
      ...pick(g, "id", "name", "kind", "isoAlpha2", "isoAlpha3"),
      memberOf: g.memberOfIds,
      sources: citeSources(g.sourceRecords, sources),
    })),
};
