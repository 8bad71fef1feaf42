import { citeSources, resolveSources } from "../../platform/bundle";
import { periodProblems } from "../../platform/partial-date";
import { childLists, childrenOf } from "../kit/children";
import { type RecordWrites, snapshots } from "../kit/records";
import { dateColumnsOf, orNull, partialDatesOf, pick } from "../kit/record-fields";
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
    await tx.getRepository(LegalAction).upsert(
      {
        ...pick(l, "id", "kind", "title", "status"),
        ...orNull(l, "summary", "court", "caseNumber"),
        ...dateColumnsOf(l, DATES),
        jurisdictionId: l.jurisdiction,
        authorityId: l.authority ?? null,
        sanctionsRegime: l.sanctions?.regime ?? null,
        sanctionsMeasures: l.sanctions?.measures ?? [],
        relatedIncidentIds: l.relatedIncidents ?? [],
        relatedActorIds: l.relatedActors ?? [],
        sourceRecords: resolveSources(sources, l.sources, "legalAction"),
      },
      ["id"],
    );
    const charges = (l.charges ?? []).map((c) => ({
      ...pick(c, "description"),
      ...orNull(c, "statute", "counts", "maximumPenalty"),
    }));
    const replace = childLists(tx, "legalActionId", l, before);
    await replace(Charge, "charges", charges);
    const defendants = (l.defendants ?? []).map((d) => ({
      ...pick(d, "name", "status"),
      ...orNull(d, "kind", "employer"),
      personId: d.person ?? null,
      nationalityId: d.nationality ?? null,
      affiliatedActorId: d.affiliatedActor ?? null,
    }));
    await replace(Defendant, "defendants", defendants);
  },
  async snapshotMany(tx, ids) {
    const chargesOf = await childrenOf(tx, Charge, "legalActionId", ids);
    const defendantsOf = await childrenOf(tx, Defendant, "legalActionId", ids);
    return snapshots(tx, LegalAction, ids, (l, sources) => ({
      ...pick(l, "id", "kind", "title", "summary"),
      jurisdiction: l.jurisdictionId,
      authority: l.authorityId,
      ...pick(l, "court", "caseNumber"),
      ...partialDatesOf(l, DATES),
      status: l.status,
      charges: chargesOf(l.id).map((c) =>
        pick(c, "statute", "description", "counts", "maximumPenalty"),
      ),
      defendants: defendantsOf(l.id).map((d) => ({
        ...pick(d, "name", "kind"),
        person: d.personId,
        nationality: d.nationalityId,
        affiliatedActor: d.affiliatedActorId,
        ...pick(d, "employer", "status"),
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
