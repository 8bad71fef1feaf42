import type { Mapping } from "./context";
import { periodStart, precisions } from "./dates";
import { stixId } from "./ids";
import { X } from "./model";
import type { AttributionRecord, QuoteRecord, StatementRecord } from "./records";
import { stateActor } from "./shared";

/** Kinds that assert responsibility; a denial or a contestation is only `related-to`. */
const ASSERTING = new Set(["FORMAL", "JOINT", "TECHNICAL", "MEDIA_REPORTED"]);

const words = (value: string) => value.toLowerCase().replace(/_/g, " ");

/**
 * A statement is a `report` by its issuer (`created_by_ref`), `published` on its date, about
 * the campaigns, parties and attribution relationships it names (`object_refs`). The verbatim
 * quotes are in `description` (with their language) and, structured, in
 * `x_attribution_graph_quotes` (text, `lang`, speaker, translations with their source).
 * Cosigners, the agency and the speaker have no STIX property: `x_attribution_graph_*_ref(s)`.
 */
export function mapStatements(m: Mapping): void {
  for (const statement of m.mapped("Statement", m.statements)) {
    const origin = m.origin("governments", `Statement:${statement.id}`, statement, [
      statement.issuedAt,
    ]);
    const issuer = m.identity("Government", statement.issuer);
    const issuerName = m.governments.get(statement.issuer)?.name ?? statement.issuer;
    const cosigners = (statement.cosigners ?? []).map((id) => m.identity("Government", id));
    const agency = m.identity("Agency", statement.agency);
    const speaker = m.identity("Official", statement.speaker);
    const about = new Set<string>();
    for (const attribution of statement.attributions ?? []) {
      for (const id of mapAttribution(m, statement, attribution)) about.add(id);
    }
    for (const id of [issuer, agency, speaker, ...cosigners]) if (id) about.add(id);
    const [self, ...cited] = m.references(origin.globalId, statement);
    m.add("report", origin.globalId, origin, {
      created_by_ref: issuer,
      name: statement.title ?? `${issuerName}, ${words(statement.kind)} of ${statement.issuedAt}`,
      description: describe(m, statement),
      report_types: ["threat-report"],
      published: periodStart(statement.issuedAt),
      lang: statement.language,
      object_refs: [...about],
      external_references: [
        self,
        statement.url && {
          source_name: issuerName,
          description: "the statement as published",
          url: m.url(statement.url),
        },
        ...cited,
      ].filter(Boolean),
      [`${X}kind`]: statement.kind,
      [`${X}date_precision`]: precisions({ published: statement.issuedAt }),
      [`${X}agency_ref`]: agency,
      [`${X}speaker_ref`]: speaker,
      [`${X}cosigner_refs`]: cosigners.filter(Boolean),
      [`${X}text`]: statement.summary ? statement.text : undefined,
      [`${X}quotes`]: (statement.quotes ?? []).map((quote) => ({
        text: quote.text,
        lang: quote.language,
        speaker_ref: m.identity("Official", quote.speaker),
        translations: (quote.translations ?? []).map((translation) => ({
          lang: translation.language,
          text: translation.text,
          source: m.sourceReference(translation.source),
        })),
      })),
    });
  }
}

/**
 * One relationship per party an attribution names (its actor, state and agency), from the
 * incident's campaign, by the issuer: `attributed-to` with `confidence` (the 0-100 score) and
 * the statement's sources. Answers the ids the report is about.
 */
function mapAttribution(
  m: Mapping,
  statement: StatementRecord,
  attribution: AttributionRecord,
): string[] {
  const campaign = m.campaign(attribution.incident);
  if (!campaign) return [];
  const origin = m.origin(
    "governments",
    `Attribution:${attribution.id}`,
    statement,
    [statement.issuedAt],
    `Statement:${statement.id}`,
  );
  const [self, ...cited] = m.references(origin.globalId, statement);
  const parties: [string, string | undefined, string | undefined][] = [
    ["actor", m.intrusionSet(attribution.actor), m.threatActors.get(attribution.actor!)?.name],
    [
      "state",
      stateActor(m, "Government", attribution.state, origin),
      m.governments.get(attribution.state!)?.name,
    ],
    [
      "agency",
      stateActor(m, "Agency", attribution.agency, origin),
      m.agencies.get(attribution.agency!)?.name,
    ],
  ];
  const issuerName = m.governments.get(statement.issuer)?.name ?? statement.issuer;
  const incident = m.incidents.get(attribution.incident)!.name;
  const asserting = ASSERTING.has(attribution.kind);
  const wording = attribution.confidenceWording ? `: “${attribution.confidenceWording}”` : "";
  const about = [campaign];
  for (const [party, target, name] of parties) {
    if (!target) continue;
    const id = m.relate(
      party,
      asserting ? "attributed-to" : "related-to",
      campaign,
      target,
      origin,
      {
        created_by_ref: m.identity("Government", statement.issuer),
        description: asserting
          ? `${issuerName} attributes ${incident} to ${name} (${words(attribution.kind)}, ${statement.issuedAt})${wording}.`
          : `${issuerName}, ${statement.issuedAt}: ${attribution.kind === "DENIAL" ? `${name} denies responsibility for` : `contests the attribution to ${name} of`} ${incident}${wording}.`,
        confidence: attribution.confidenceScore,
        external_references: [self, ...cited],
        [`${X}attribution_kind`]: attribution.kind,
        [`${X}attributed_party`]: party,
        [`${X}confidence_level`]: attribution.confidenceLevel,
        [`${X}confidence_wording`]: attribution.confidenceWording,
        [`${X}statement_ref`]: stixId("report", `Statement:${statement.id}`),
      },
    );
    about.push(id, target);
  }
  return about;
}

/** The summary (or text), then each quote verbatim with its language, speaker, translations. */
function describe(m: Mapping, statement: StatementRecord): string | undefined {
  const quote = (q: QuoteRecord) => {
    const speaker = q.speaker ? m.officials.get(q.speaker)?.name : undefined;
    const lines = [`“${q.text}” [${q.language}]${speaker ? ` (${speaker})` : ""}`];
    for (const t of q.translations ?? []) lines.push(`  ${t.language}: “${t.text}”`);
    return lines.join("\n");
  };
  const parts = [statement.summary ?? statement.text, ...(statement.quotes ?? []).map(quote)];
  return parts.filter(Boolean).join("\n\n") || undefined;
}
