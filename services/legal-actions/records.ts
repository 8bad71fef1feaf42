import { In } from "typeorm";
import { type SourceEntry, citeSources, compact, partialDateString } from "../common/bundle";
import type { RecordSnapshot, RecordStore } from "../common/writes";
import { loadBundle } from "./bundle";
import { Charge } from "./entities/charge";
import { Defendant } from "./entities/defendant";
import { LegalAction } from "./entities/legal-action";

/** Legal actions in bundle form: three queries whatever the number of ids. */
export const legalActionStore: RecordStore = {
  type: "LegalAction",
  kind: "legalAction",
  bundleKey: "legalActions",
  async snapshotMany(tx, ids) {
    const actions = await tx.getRepository(LegalAction).findBy({ id: In(ids) });
    const charges = await tx
      .getRepository(Charge)
      .find({ where: { legalActionId: In(ids) }, order: { position: "ASC" } });
    const defendants = await tx
      .getRepository(Defendant)
      .find({ where: { legalActionId: In(ids) }, order: { position: "ASC" } });
    return new Map(
      actions.map((l): [string, RecordSnapshot] => {
        const sources: Record<string, SourceEntry> = {};
        const record = compact({
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
          charges: charges
            .filter((c) => c.legalActionId === l.id)
            .map((c) => ({
              statute: c.statute,
              description: c.description,
              counts: c.counts,
              maximumPenalty: c.maximumPenalty,
            })),
          defendants: defendants
            .filter((d) => d.legalActionId === l.id)
            .map((d) => ({
              name: d.name,
              kind: d.kind,
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
        });
        return [l.id, { record, sources }];
      }),
    );
  },
  write: (tx, bundle) => loadBundle(tx, bundle),
  remove: async (tx, id) => {
    // Charges and defendants go with it (ON DELETE CASCADE).
    await tx.getRepository(LegalAction).delete({ id });
  },
};
