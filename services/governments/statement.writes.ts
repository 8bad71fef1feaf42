import { In, Not } from "typeorm";
import { citeSources, dateColumns, partialDateString, resolveSources } from "../../platform/bundle";
import type { Path, Problem } from "../../platform/problem";
import { childLists, childrenOf } from "../kit/children";
import { type RecordWrites, partsUnder, referenceProblems, snapshots } from "../kit/records";
import { orNull, pick } from "../kit/record-fields";
import { Agency } from "./agency";
import type { AttributionInput } from "./attribution.inputs";
import { CONFIDENCE_SCORES } from "./enums";
import { Attribution } from "./attribution";
import { Government } from "./government";
import { Official } from "./official";
import { Quote } from "./quote";
import { Statement } from "./statement";
import type { StatementInput } from "./statement.inputs";

export const statementWrites: RecordWrites<StatementInput, Statement> = {
  type: "Statement",
  bundleKey: "statements",
  entity: Statement,
  parts: [{ type: "Attribution", entity: Attribution, of: partsUnder("attributions") }],
  async check(db, s, path) {
    const quotes = (s.quotes ?? []).map((q, i) => ({ q, path: [...path, "quotes", i] }));
    const attributions = (s.attributions ?? []).map((a, i) => ({
      a,
      path: [...path, "attributions", i],
    }));
    const problems: Problem[] = [
      ...(await referenceProblems(db, Government, "Government", [
        { path: [...path, "issuer"], id: s.issuer },
        ...(s.cosigners ?? []).map((id, i) => ({ path: [...path, "cosigners", i], id })),
        ...attributions.map(({ a, path }) => ({ path: [...path, "state"], id: a.state })),
      ])),
      ...(await referenceProblems(db, Agency, "Agency", [
        { path: [...path, "agency"], id: s.agency },
        ...attributions.map(({ a, path }) => ({ path: [...path, "agency"], id: a.agency })),
      ])),
      ...(await referenceProblems(db, Official, "Official", [
        { path: [...path, "speaker"], id: s.speaker },
        ...quotes.map(({ q, path }) => ({ path: [...path, "speaker"], id: q.speaker })),
      ])),
    ];
    const seen = new Set<string>();
    for (const { a, path } of attributions) {
      if (seen.has(a.id))
        problems.push({
          path: [...path, "id"],
          code: "DUPLICATE",
          message: `"${a.id}" is given twice`,
        });
      seen.add(a.id);
    }
    const taken = await db.getRepository(Attribution).find({
      select: { id: true, statementId: true },
      where: { id: In([...seen]), statementId: Not(s.id) },
    });
    for (const { id, statementId } of taken) {
      const at = attributions.find(({ a }) => a.id === id)!;
      problems.push({
        path: [...at.path, "id"],
        code: "TAKEN",
        message: `"${id}" already belongs to statement "${statementId}"`,
      });
    }
    problems.push(...attributions.flatMap(({ a, path }) => confidenceProblems(a, path)));
    return problems;
  },
  async write(tx, s, sources, before) {
    const issued = dateColumns(s.issuedAt, "issuedAt");
    await tx.getRepository(Statement).upsert(
      {
        ...pick(s, "id", "kind", "language"),
        ...orNull(s, "title", "text", "summary", "url"),
        issuedOn: issued.on!,
        issuedPrecision: issued.precision!,
        issuerId: s.issuer,
        cosignerIds: s.cosigners ?? [],
        agencyId: s.agency ?? null,
        speakerId: s.speaker ?? null,
        sourceRecords: resolveSources(sources, s.sources, "statement"),
      },
      ["id"],
    );
    const quotes = (s.quotes ?? []).map((q) => ({
      text: q.text,
      language: q.language,
      speakerId: q.speaker ?? null,
      translations: (q.translations ?? []).map((t) => ({
        language: t.language,
        text: t.text,
        source: t.source ? resolveSources(sources, [t.source], "translation")[0] : null,
      })),
    }));
    const replace = childLists(tx, "statementId", s, before);
    await replace(Quote, "quotes", quotes);
    const attributions = (s.attributions ?? []).map((a) => ({
      ...pick(a, "id", "kind"),
      ...orNull(a, "confidenceWording", "confidenceLevel", "confidenceScore"),
      incidentId: a.incident,
      actorId: a.actor ?? null,
      stateId: a.state ?? null,
      agencyId: a.agency ?? null,
    }));
    await replace(Attribution, "attributions", attributions);
  },
  async snapshotMany(tx, ids) {
    const quotesOf = await childrenOf(tx, Quote, "statementId", ids);
    const attributionsOf = await childrenOf(tx, Attribution, "statementId", ids);
    return snapshots(tx, Statement, ids, (s, sources) => ({
      ...pick(s, "id", "kind"),
      issuedAt: partialDateString(s.issuedOn, s.issuedPrecision),
      issuer: s.issuerId,
      cosigners: s.cosignerIds,
      agency: s.agencyId,
      speaker: s.speakerId,
      ...pick(s, "title", "language", "text", "summary", "url"),
      quotes: quotesOf(s.id).map((q) => ({
        ...pick(q, "text", "language"),
        speaker: q.speakerId,
        translations: q.translations.map((t) => ({
          language: t.language,
          text: t.text,
          source: t.source ? citeSources([t.source], sources)[0] : null,
        })),
      })),
      attributions: attributionsOf(s.id).map((a) => ({
        id: a.id,
        incident: a.incidentId,
        actor: a.actorId,
        state: a.stateId,
        agency: a.agencyId,
        ...pick(a, "kind", "confidenceWording", "confidenceLevel", "confidenceScore"),
      })),
      sources: citeSources(s.sourceRecords, sources),
    }));
  },
};

/** A level and a score given together agree: the score lies in the level's range. */
function confidenceProblems(a: AttributionInput, path: Path): Problem[] {
  const range = a.confidenceLevel ? CONFIDENCE_SCORES[a.confidenceLevel] : undefined;
  const score = a.confidenceScore;
  if (!range || typeof score !== "number" || (score >= range[0] && score <= range[1])) return [];
  return [
    {
      path: [...path, "confidenceScore"],
      code: "CONFIDENCE_MISMATCH",
      message: `confidenceScore ${score} is outside confidenceLevel ${a.confidenceLevel}'s range ${range[0]}-${range[1]}`,
    },
  ];
}
