import { type Sources, sourcesOf } from "./facts";
import type { Snapshot } from "./graph";
import {
  type Objects,
  type Reference,
  type Unmapped,
  custom,
  dateOf,
  ownRecord,
  references,
  sourceEntry,
  sourceKey,
  strings,
  text,
} from "./objects";
import { type Write, finish } from "./plan";
import { type StixIn, isObject } from "./read";

type Row = Record<string, unknown>;
const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isObject) : []);
/** The reference stix/statements.ts gives the statement's own URL: not one of its sources. */
const PUBLISHED = "the statement as published";
const words = (value: string) => value.toLowerCase().replace(/_/g, " ");

/**
 * This project's own statements (its `report` objects) read back as the export wrote them, with
 * their attributions (the relationships naming the report in `statement_ref`). Statements the
 * graph already holds are kept as they are.
 */
export function statementWrites(objects: Objects, existing: Snapshot[], unmapped: Unmapped) {
  const held = new Map(existing.map((s) => [s.record.id, s]));
  const writes: Write[] = [];
  for (const report of objects.of("report")) {
    const own = ownRecord(report);
    if (own?.kind !== "Statement") {
      unmapped.add("objects", "report of another producer");
      continue;
    }
    const label = String(report.name);
    const found = held.get(own.id);
    if (found) {
      writes.push(
        finish("Statement", label, "enrich", "record id", found.record, found.sources, found),
      );
      continue;
    }
    const built = statementRecord(objects, report, own.id, unmapped);
    if (built)
      writes.push(
        finish("Statement", label, "create", null, built.record, built.sources, undefined),
      );
  }
  return writes;
}

/** The record id of one of this project's objects `ref` names, of `kind`. */
function ownId(objects: Objects, ref: unknown, kind: string): string | null {
  const object = typeof ref === "string" ? objects.byId.get(ref) : undefined;
  const own = object && ownRecord(object);
  return own?.kind === kind ? own.id : null;
}

function statementRecord(objects: Objects, report: StixIn, id: string, unmapped: Unmapped) {
  const issuer = ownId(objects, report.created_by_ref, "Government");
  const kind = text(custom(report, "kind"));
  const precision = custom(report, "date_precision");
  const issuedAt = dateOf(report.published, isObject(precision) ? precision.published : null);
  if (!issuer || !kind || !issuedAt) {
    unmapped.add("reports without this project's issuer, kind or date", String(report.name));
    return null;
  }
  const refs = references(report);
  const published = refs.find((r) => r.description === PUBLISHED && r.url);
  const cited = { ...report, external_references: refs.filter((r) => r !== published) };
  const sources: Sources = sourcesOf(objects, cited, true, unmapped);
  // The statement cites these; its translations' sources join the write's, not its list.
  const keys = Object.keys(sources);
  const record = {
    id,
    kind,
    issuedAt,
    issuer,
    cosigners: strings(custom(report, "cosigner_refs")).flatMap(
      (ref) => ownId(objects, ref, "Government") ?? [],
    ),
    agency: ownId(objects, custom(report, "agency_ref"), "Agency"),
    speaker: ownId(objects, custom(report, "speaker_ref"), "Official"),
    title: titleOf(objects, report, issuer, kind, issuedAt),
    language: String(report.lang ?? "en"),
    ...leadOf(objects, report, unmapped),
    url: published?.url ?? null,
    quotes: quotesOf(objects, report, sources),
    attributions: attributionsOf(objects, report),
    sources: keys,
  };
  return { record, sources };
}

/** The report's name, unless it is the one the export makes up for a statement without title. */
function titleOf(objects: Objects, report: StixIn, issuer: string, kind: string, on: string) {
  const name = text(report.name);
  const issuerName = objects.byId.get(String(report.created_by_ref))?.name ?? issuer;
  return name === `${String(issuerName)}, ${words(kind)} of ${on}` ? null : name;
}

/**
 * The description is the summary (or the text, when there is no summary), then the quotes as
 * describe() renders them; the full text beside a summary is its own property.
 */
function leadOf(objects: Objects, report: StixIn, unmapped: Unmapped) {
  const fullText = text(custom(report, "text"));
  const description = typeof report.description === "string" ? report.description : "";
  const rendered = rows(custom(report, "quotes")).map((q) => {
    const speaker = objects.byId.get(String(q.speaker_ref ?? ""))?.name;
    const lines = [
      `“${String(q.text)}” [${String(q.lang)}]${speaker ? ` (${String(speaker)})` : ""}`,
    ];
    for (const t of rows(q.translations)) lines.push(`  ${String(t.lang)}: “${String(t.text)}”`);
    return lines.join("\n");
  });
  const tail = rendered.join("\n\n");
  let lead: string | null = description;
  if (tail && description === tail) lead = null;
  else if (tail && description.endsWith(`\n\n${tail}`))
    lead = description.slice(0, -tail.length - 2);
  else if (tail)
    unmapped.add("descriptions not in this project's form, kept whole", String(report.name));
  // A statement with a text and no summary is described by its text: it reads back as a summary.
  return { summary: text(lead), text: fullText };
}

/** Quotes with their speaker and translations; a translation's source joins the write's sources. */
function quotesOf(objects: Objects, report: StixIn, sources: Sources) {
  return rows(custom(report, "quotes")).map((q) => ({
    text: String(q.text),
    language: String(q.lang),
    speaker: ownId(objects, q.speaker_ref, "Official"),
    translations: rows(q.translations).map((t) => {
      let source: string | null = null;
      if (isObject(t.source) && typeof t.source.source_name === "string") {
        const reference = t.source as unknown as Reference;
        const entry = sourceEntry(reference, true);
        if (entry) {
          source = sourceKey(reference);
          sources[source] ??= entry;
        }
      }
      return { language: String(t.lang), text: String(t.text), source };
    }),
  }));
}

/** One attribution per `Attribution:` record its relationships name, in the report's order. */
function attributionsOf(objects: Objects, report: StixIn) {
  const byId = new Map<string, Record<string, unknown>>();
  for (const ref of strings(report.object_refs)) {
    const relationship = objects.byId.get(ref);
    if (relationship?.type !== "relationship" || relationship.revoked === true) continue;
    if (custom(relationship, "statement_ref") !== report.id) continue;
    const own = ownRecord(relationship);
    const incident = ownId(objects, relationship.source_ref, "Incident");
    if (own?.kind !== "Attribution" || !incident) continue;
    const attribution = byId.get(own.id) ?? {
      id: own.id,
      incident,
      actor: null,
      state: null,
      agency: null,
      kind: text(custom(relationship, "attribution_kind")),
      confidenceWording: text(custom(relationship, "confidence_wording")),
      confidenceLevel: text(custom(relationship, "confidence_level")),
      confidenceScore: typeof relationship.confidence === "number" ? relationship.confidence : null,
    };
    byId.set(own.id, attribution);
    const party = custom(relationship, "attributed_party");
    const target = objects.byId.get(String(relationship.target_ref));
    if (!target || typeof party !== "string" || !["actor", "state", "agency"].includes(party))
      continue;
    // A state or an agency is blamed through its state actor, which names its identity.
    const identity = custom(target, "identity_ref");
    const kinds: Record<string, string> = {
      actor: "ThreatActor",
      state: "Government",
      agency: "Agency",
    };
    attribution[party] = ownId(objects, identity ?? target.id, kinds[party]);
  }
  return [...byId.values()];
}
