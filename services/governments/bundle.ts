import type { EntityManager } from "typeorm";
import { type Bundle, dateColumns, resolveSources } from "../common/bundle";
import type { DatePrecision } from "../common/partial-date";
import { Agency } from "./entities/agency";
import { Attribution } from "./entities/attribution";
import { Government } from "./entities/government";
import { Official, OfficialRole } from "./entities/official";
import { Quote } from "./entities/quote";
import { Statement } from "./entities/statement";
import type {
  AgencyKind,
  AttributionKind,
  ConfidenceLevel,
  GovernmentKind,
  StatementKind,
} from "./enums";

/** Writes this subgraph's part of a bundle in one transaction; re-running it changes nothing. */
export async function loadBundle(db: EntityManager, bundle: Bundle): Promise<number> {
  return db.transaction(async (tx) => {
    let written = 0;
    for (const [i, g] of (bundle.governments ?? []).entries()) {
      await tx.getRepository(Government).upsert(
        {
          id: g.id,
          name: g.name,
          kind: g.kind as GovernmentKind,
          isoAlpha2: g.isoAlpha2 ?? null,
          isoAlpha3: g.isoAlpha3 ?? null,
          memberOfIds: g.memberOf ?? [],
          sourceRecords: resolveSources(bundle, g.sources, `governments[${i}]`),
        },
        ["id"],
      );
      written += 1;
    }
    for (const [i, a] of (bundle.agencies ?? []).entries()) {
      await tx.getRepository(Agency).upsert(
        {
          id: a.id,
          name: a.name,
          acronym: a.acronym ?? null,
          kind: a.kind as AgencyKind,
          governmentId: a.government,
          parentId: a.parent ?? null,
          sourceRecords: resolveSources(bundle, a.sources, `agencies[${i}]`),
        },
        ["id"],
      );
      written += 1;
    }
    for (const [i, o] of (bundle.officials ?? []).entries()) {
      const path = `officials[${i}]`;
      await tx.getRepository(Official).upsert(
        {
          id: o.id,
          name: o.name,
          sourceRecords: resolveSources(bundle, o.sources, path),
        },
        ["id"],
      );
      await tx.getRepository(OfficialRole).delete({ officialId: o.id });
      const roles = o.roles.map((role, position) => {
        const from = dateColumns(role.from, `${path}.roles[${position}].from`);
        const to = dateColumns(role.to, `${path}.roles[${position}].to`);
        return {
          officialId: o.id,
          position,
          title: role.title,
          agencyId: role.agency ?? null,
          governmentId: role.government,
          fromOn: from.on,
          fromPrecision: from.precision as DatePrecision | null,
          toOn: to.on,
          toPrecision: to.precision as DatePrecision | null,
        };
      });
      if (roles.length) await tx.getRepository(OfficialRole).insert(roles);
      written += 1;
    }
    for (const [i, s] of (bundle.statements ?? []).entries()) {
      await writeStatement(tx, bundle, s, `statements[${i}]`);
      written += 1;
    }
    return written;
  });
}

async function writeStatement(
  tx: EntityManager,
  bundle: Bundle,
  s: NonNullable<Bundle["statements"]>[number],
  path: string,
) {
  const issued = dateColumns(s.issuedAt, `${path}.issuedAt`);
  await tx.getRepository(Statement).upsert(
    {
      id: s.id,
      kind: s.kind as StatementKind,
      issuedOn: issued.on as string,
      issuedPrecision: issued.precision as DatePrecision,
      issuerId: s.issuer,
      cosignerIds: s.cosigners ?? [],
      agencyId: s.agency ?? null,
      speakerId: s.speaker ?? null,
      title: s.title ?? null,
      language: s.language,
      text: s.text ?? null,
      summary: s.summary ?? null,
      url: s.url ?? null,
      sourceRecords: resolveSources(bundle, s.sources, path),
    },
    ["id"],
  );
  await tx.getRepository(Quote).delete({ statementId: s.id });
  await tx.getRepository(Attribution).delete({ statementId: s.id });
  const quotes = (s.quotes ?? []).map((q, position) => ({
    statementId: s.id,
    position,
    text: q.text,
    language: q.language,
    speakerId: q.speaker ?? null,
    translations: (q.translations ?? []).map((t, i) => ({
      language: t.language,
      text: t.text,
      source: t.source
        ? resolveSources(bundle, [t.source], `${path}.quotes[${position}].translations[${i}]`)[0]
        : null,
    })),
  }));
  if (quotes.length) await tx.getRepository(Quote).insert(quotes);
  const attributions = (s.attributions ?? []).map((a, position) => ({
    id: a.id,
    statementId: s.id,
    position,
    incidentId: a.incident,
    actorId: a.actor ?? null,
    stateId: a.state ?? null,
    agencyId: a.agency ?? null,
    kind: a.kind as AttributionKind,
    confidenceWording: a.confidenceWording ?? null,
    confidenceLevel: (a.confidenceLevel ?? null) as ConfidenceLevel | null,
    confidenceScore: a.confidenceScore ?? null,
  }));
  if (attributions.length) await tx.getRepository(Attribution).insert(attributions);
}
