import type { EntityManager } from "typeorm";
import { type Bundle, type LegalActionRecord, dateColumns, resolveSources } from "../common/bundle";
import type { DatePrecision } from "../common/partial-date";
import { Charge } from "./entities/charge";
import { Defendant } from "./entities/defendant";
import { LegalAction } from "./entities/legal-action";
import type { DefendantKind, DefendantStatus, LegalActionKind, LegalActionStatus } from "./enums";

/** Writes this subgraph's part of a bundle in one transaction; re-running it changes nothing. */
export async function loadBundle(db: EntityManager, bundle: Bundle): Promise<number> {
  return db.transaction(async (tx) => {
    let written = 0;
    for (const [i, action] of (bundle.legalActions ?? []).entries()) {
      await writeLegalAction(tx, bundle, action, `legalActions[${i}]`);
      written += 1;
    }
    return written;
  });
}

async function writeLegalAction(
  tx: EntityManager,
  bundle: Bundle,
  l: LegalActionRecord,
  path: string,
) {
  const date = (name: "filed" | "unsealed" | "announced" | "conductFrom" | "conductTo") => {
    const { on, precision } = dateColumns(l[name], `${path}.${name}`);
    return { [`${name}On`]: on, [`${name}Precision`]: precision as DatePrecision | null };
  };
  await tx.getRepository(LegalAction).upsert(
    {
      id: l.id,
      kind: l.kind as LegalActionKind,
      title: l.title,
      summary: l.summary ?? null,
      jurisdictionId: l.jurisdiction,
      authorityId: l.authority ?? null,
      court: l.court ?? null,
      caseNumber: l.caseNumber ?? null,
      ...date("filed"),
      ...date("unsealed"),
      ...date("announced"),
      ...date("conductFrom"),
      ...date("conductTo"),
      status: l.status as LegalActionStatus,
      sanctionsRegime: l.sanctions?.regime ?? null,
      sanctionsMeasures: l.sanctions?.measures ?? [],
      relatedIncidentIds: l.relatedIncidents ?? [],
      relatedActorIds: l.relatedActors ?? [],
      sourceRecords: resolveSources(bundle, l.sources, path),
    },
    ["id"],
  );
  await tx.getRepository(Charge).delete({ legalActionId: l.id });
  await tx.getRepository(Defendant).delete({ legalActionId: l.id });
  const charges = (l.charges ?? []).map((c, position) => ({
    legalActionId: l.id,
    position,
    statute: c.statute ?? null,
    description: c.description,
    counts: c.counts ?? null,
    maximumPenalty: c.maximumPenalty ?? null,
  }));
  if (charges.length) await tx.getRepository(Charge).insert(charges);
  const defendants = (l.defendants ?? []).map((d, position) => ({
    legalActionId: l.id,
    position,
    name: d.name,
    kind: (d.kind ?? null) as DefendantKind | null,
    nationalityId: d.nationality ?? null,
    affiliatedActorId: d.affiliatedActor ?? null,
    employer: d.employer ?? null,
    status: d.status as DefendantStatus,
  }));
  if (defendants.length) await tx.getRepository(Defendant).insert(defendants);
}
