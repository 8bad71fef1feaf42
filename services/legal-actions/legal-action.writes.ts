import { citeSources, dateColumns, partialDateString, resolveSources } from "../../platform/bundle";
import { periodProblems } from "../../platform/partial-date";
import { childLists, childrenOf } from "../kit/children";
import { type RecordWrites, snapshots } from "../kit/records";
import { defendantProblems } from "./defendant.writes";
import { Charge } from "./charge";
import { Defendant } from "./defendant";
import { LegalAction } from "./legal-action";
import type { LegalActionInput } from "./legal-action.inputs";

const DATES = ["filed", "unsealed", "announced", "conductFrom", "conductTo"] as const;

export const legalActionWrites: RecordWrites<LegalActionInput, LegalAction> = {
  type: "LegalAction",
  bundleKey: "legalActions",
  // Charges and defendants go with it (ON DELETE CASCADE).
  entity: LegalAction,
  // Defendants' persons must exist. Every other reference (jurisdiction, authority,
  // nationalities, actors, incidents) names a record of another subgraph: unchecked here,
  // answered NOT_FOUND when read through the gateway.
  check: async (db, l, path) => [
    ...periodProblems(l.filed, l.unsealed, path, "unsealed"),
    ...periodProblems(l.conductFrom, l.conductTo, path, "conductTo"),
    ...(await defendantProblems(db, l.defendants ?? [], [...path, "defendants"])),
  ],
  async write(tx, l, sources, before) {
    const dates = Object.fromEntries(
      DATES.flatMap((name) => {
        const { on, precision } = dateColumns(l[name], name);
        return [
          [`${name}On`, on],
          [`${name}Precision`, precision],
        ];
      }),
    );
    await tx.getRepository(LegalAction).upsert(
      {
        id: l.id,
        kind: l.kind,
        title: l.title,
        summary: l.summary ?? null,
        jurisdictionId: l.jurisdiction,
        authorityId: l.authority ?? null,
        court: l.court ?? null,
        caseNumber: l.caseNumber ?? null,
        ...dates,
        status: l.status,
        sanctionsRegime: l.sanctions?.regime ?? null,
        sanctionsMeasures: l.sanctions?.measures ?? [],
        relatedIncidentIds: l.relatedIncidents ?? [],
        relatedActorIds: l.relatedActors ?? [],
        sourceRecords: resolveSources(sources, l.sources, "legalAction"),
      },
      ["id"],
    );
    const charges = (l.charges ?? []).map((c) => ({
      statute: c.statute ?? null,
      description: c.description,
      counts: c.counts ?? null,
      maximumPenalty: c.maximumPenalty ?? null,
    }));
    const replace = childLists(tx, "legalActionId", l, before);
    await replace(Charge, "charges", charges);
    const defendants = (l.defendants ?? []).map((d) => ({
      name: d.name,
      kind: d.kind ?? null,
      personId: d.person ?? null,
      nationalityId: d.nationality ?? null,
      affiliatedActorId: d.affiliatedActor ?? null,
      employer: d.employer ?? null,
      status: d.status,
    }));
    await replace(Defendant, "defendants", defendants);
  },
  async snapshotMany(tx, ids) {
    const chargesOf = await childrenOf(tx, Charge, "legalActionId", ids);
    const defendantsOf = await childrenOf(tx, Defendant, "legalActionId", ids);
    return snapshots(tx, LegalAction, ids, (l, sources) => ({
      id: l.id,
      kind: l.kind,
      title: l.title,
      summary: l.summary,
      jurisdiction: l.jurisdictionId,
      authority: l.authorityId,
      court: l.court,
      caseNumber: l.caseNumber,
      filed: partialDateString(l.filedOn, l.filedPrecision),
      unsealed: partialDateString(l.unsealedOn, l.unsealedPrecision),
      announced: partialDateString(l.announcedOn, l.announcedPrecision),
      conductFrom: partialDateString(l.conductFromOn, l.conductFromPrecision),
      conductTo: partialDateString(l.conductToOn, l.conductToPrecision),
      status: l.status,
      charges: chargesOf(l.id).map((c) => ({
        statute: c.statute,
        description: c.description,
        counts: c.counts,
        maximumPenalty: c.maximumPenalty,
      })),
      defendants: defendantsOf(l.id).map((d) => ({
        name: d.name,
        kind: d.kind,
        person: d.personId,
        nationality: d.nationalityId,
        affiliatedActor: d.affiliatedActorId,
        employer: d.employer,
        status: d.status,
      })),
      sanctions:
        l.sanctionsRegime === null
          ? null
          : { regime: l.sanctionsRegime, measures: l.sanctionsMeasures },
      relatedIncidents: l.relatedIncidentIds,
      relatedActors: l.relatedActorIds,
      sources: citeSources(l.sourceRecords, sources),
    }));
  },
};
