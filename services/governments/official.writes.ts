import { citeSources, dateColumns, partialDateString, resolveSources } from "../../platform/bundle";
import { periodProblems } from "../../platform/partial-date";
import { childLists, childrenOf } from "../kit/children";
import { type RecordWrites, referenceProblems, snapshots } from "../kit/records";
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
    const roles = (o.roles ?? []).map((role, position) => {
      const from = dateColumns(role.from, `roles[${position}].from`);
      const to = dateColumns(role.to, `roles[${position}].to`);
      return {
        title: role.title,
        agencyId: role.agency ?? null,
        governmentId: role.government,
        fromOn: from.on,
        fromPrecision: from.precision,
        toOn: to.on,
        toPrecision: to.precision,
      };
    });
    const replace = childLists(tx, "officialId", o, before);
    await replace(OfficialRole, "roles", roles);
  },
  async snapshotMany(tx, ids) {
    const rolesOf = await childrenOf(tx, OfficialRole, "officialId", ids);
    return snapshots(tx, Official, ids, (o, sources) => ({
      id: o.id,
      name: o.name,
      roles: rolesOf(o.id).map((role) => ({
        title: role.title,
        agency: role.agencyId,
        government: role.governmentId,
        from: partialDateString(role.fromOn, role.fromPrecision),
        to: partialDateString(role.toOn, role.toPrecision),
      })),
      sources: citeSources(o.sourceRecords, sources),
    }));
  },
};
