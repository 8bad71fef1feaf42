import { citeSources, resolveSources } from "../../platform/bundle";
import { type RecordWrites, referenceProblems, snapshots } from "../kit/records";
import { orNull, pick } from "../kit/record-fields";
import { Agency } from "./agency";
import type { AgencyInput } from "./agency.inputs";
import { Government } from "./government";

export const agencyWrites: RecordWrites<AgencyInput, Agency> = {
  type: "Agency",
  bundleKey: "agencies",
  entity: Agency,
  check: async (db, a, path) => [
    ...(await referenceProblems(db, Government, "Government", [
      { path: [...path, "government"], id: a.government },
    ])),
    ...(await referenceProblems(db, Agency, "Agency", [
      { path: [...path, "parent"], id: a.parent === a.id ? null : a.parent },
    ])),
    ...(a.parent === a.id
      ? [{ path: [...path, "parent"], message: "an agency cannot be its own parent" }]
      : []),
  ],
  async write(tx, a, sources) {
    await tx.getRepository(Agency).upsert(
      {
        ...pick(a, "id", "name", "kind"),
        ...orNull(a, "acronym"),
        governmentId: a.government,
        parentId: a.parent ?? null,
        sourceRecords: resolveSources(sources, a.sources, "agency"),
      },
      ["id"],
    );
  },
  snapshotMany: (tx, ids) =>
    snapshots(tx, Agency, ids, (a, sources) => ({
      ...pick(a, "id", "name", "acronym", "kind"),
      government: a.governmentId,
      parent: a.parentId,
      sources: citeSources(a.sourceRecords, sources),
    })),
};
