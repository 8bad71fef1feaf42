import { In } from "typeorm";
import { citeSources, partialDateString } from "../common/bundle";
import { recordStore, snapshots } from "../common/writes";
import { loadBundle } from "./bundle";
import { Agency } from "./entities/agency";
import { Attribution } from "./entities/attribution";
import { Government } from "./entities/government";
import { Official, OfficialRole } from "./entities/official";
import { Quote } from "./entities/quote";
import { Statement } from "./entities/statement";

export const governmentStore = recordStore({
  type: "Government",
  kind: "government",
  bundleKey: "governments",
  entity: Government,
  loadBundle,
  snapshotMany: async (tx, ids) =>
    snapshots(await tx.getRepository(Government).findBy({ id: In(ids) }), (g, sources) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      isoAlpha2: g.isoAlpha2,
      isoAlpha3: g.isoAlpha3,
      memberOf: g.memberOfIds,
      sources: citeSources(g.sourceRecords, sources),
    })),
});

export const agencyStore = recordStore({
  type: "Agency",
  kind: "agency",
  bundleKey: "agencies",
  entity: Agency,
  loadBundle,
  snapshotMany: async (tx, ids) =>
    snapshots(await tx.getRepository(Agency).findBy({ id: In(ids) }), (a, sources) => ({
      id: a.id,
      name: a.name,
      acronym: a.acronym,
      kind: a.kind,
      government: a.governmentId,
      parent: a.parentId,
      sources: citeSources(a.sourceRecords, sources),
    })),
});

export const officialStore = recordStore({
  type: "Official",
  kind: "official",
  bundleKey: "officials",
  entity: Official,
  loadBundle,
  snapshotMany: async (tx, ids) => {
    const roles = await tx
      .getRepository(OfficialRole)
      .find({ where: { officialId: In(ids) }, order: { position: "ASC" } });
    return snapshots(await tx.getRepository(Official).findBy({ id: In(ids) }), (o, sources) => ({
      id: o.id,
      name: o.name,
      roles: roles
        .filter((role) => role.officialId === o.id)
        .map((role) => ({
          title: role.title,
          agency: role.agencyId,
          government: role.governmentId,
          from: partialDateString(role.fromOn, role.fromPrecision),
          to: partialDateString(role.toOn, role.toPrecision),
        })),
      sources: citeSources(o.sourceRecords, sources),
    }));
  },
});

export const statementStore = recordStore({
  type: "Statement",
  kind: "statement",
  bundleKey: "statements",
  entity: Statement,
  loadBundle,
  snapshotMany: async (tx, ids) => {
    const quotes = await tx
      .getRepository(Quote)
      .find({ where: { statementId: In(ids) }, order: { position: "ASC" } });
    const attributions = await tx
      .getRepository(Attribution)
      .find({ where: { statementId: In(ids) }, order: { position: "ASC" } });
    return snapshots(await tx.getRepository(Statement).findBy({ id: In(ids) }), (s, sources) => ({
      id: s.id,
      kind: s.kind,
      issuedAt: partialDateString(s.issuedOn, s.issuedPrecision),
      issuer: s.issuerId,
      cosigners: s.cosignerIds,
      agency: s.agencyId,
      speaker: s.speakerId,
      title: s.title,
      language: s.language,
      text: s.text,
      summary: s.summary,
      url: s.url,
      quotes: quotes
        .filter((q) => q.statementId === s.id)
        .map((q) => ({
          text: q.text,
          language: q.language,
          speaker: q.speakerId,
          translations: q.translations.map((t) => ({
            language: t.language,
            text: t.text,
            source: t.source ? citeSources([t.source], sources)[0] : null,
          })),
        })),
      attributions: attributions
        .filter((a) => a.statementId === s.id)
        .map((a) => ({
          id: a.id,
          incident: a.incidentId,
          actor: a.actorId,
          state: a.stateId,
          agency: a.agencyId,
          kind: a.kind,
          confidenceWording: a.confidenceWording,
          confidenceLevel: a.confidenceLevel,
          confidenceScore: a.confidenceScore,
        })),
      sources: citeSources(s.sourceRecords, sources),
    }));
  },
});
