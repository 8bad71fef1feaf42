import { citeSources, resolveSources } from "../../platform/bundle";
import { periodProblems } from "../../platform/partial-date";
import { childLists, childrenOf } from "../kit/children";
import { type RecordWrites, referenceProblems, snapshots } from "../kit/records";
import { dateColumnsOf, partialDatesOf, pick } from "../kit/record-fields";
import { Agency } from "./agency";
import { Government } from "./government";
import { Official, OfficialRole } from "./official";
import type { OfficialInput } from "./official.inputs";

export const officialWrites: RecordWrites<OfficialInput, Official> = {
  type: "Official",
  bundleKey: "officials",
  entity: Official,
  check: async (db, o, path) => {
    const roles = (o.roles ?? []).map((role, i) => ({ role, path: [...path, "roles", i] }));
    return [
      ...(await referenceProblems(
        db,
        Government,
        "Government",
        roles.map((r) => ({ path: [...r.path, "government"], id: r.role.government })),
      )),
      ...(await referenceProblems(
        db,
        Agency,
        "Agency",
        roles.map((r) => ({ path: [...r.path, "agency"], id: r.role.agency })),
      )),
      ...roles.flatMap((r) => periodProblems(r.role.from, r.role.to, r.path)),
    ];
  },
  async write(tx, o, sources, before) {
    await tx
      .getRepository(Official)
      .upsert(
        { id: o.id, name: o.name, sourceRecords: resolveSources(sources, o.sources, "official") },
        ["id"],
      );
    const roles = (o.roles ?? []).map((role, position) => ({
      title: role.title,
      agencyId: role.agency ?? null,
      governmentId: role.government,
      ...dateColumnsOf(role, ["from", "to"], `roles[${position}].`),
    }));
    const replace = childLists(tx, "officialId", o, before);
    await replace(OfficialRole, "roles", roles);
  },
  async snapshotMany(tx, ids) {
    const rolesOf = await childrenOf(tx, OfficialRole, "officialId", ids);
    return snapshots(tx, Official, ids, (o, sources) => ({
      ...pick(o, "id", "name"),
      roles: rolesOf(o.id).map((role) => ({
        title: role.title,
        agency: role.agencyId,
        government: role.governmentId,
        ...partialDatesOf(role, ["from", "to"]),
      })),
      sources: citeSources(o.sourceRecords, sources),
    }));
  },
};
