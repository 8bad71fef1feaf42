import { isDeepStrictEqual } from "node:util";
import { compact } from "../../platform/bundle";
import {
  type Match,
  type Mode,
  type Resolved,
  actorMode,
  enrichedActor,
  managedActor,
  matchActors,
  newId,
} from "./actors";
import { type ActorFacts, STIX_SYSTEM, type Sources, actorFacts, incidentFacts } from "./facts";
import { stixId } from "../../stix/ids";
import type { GraphState, Snapshot } from "./graph";
import { Places, agencyWrites, governmentWrites, officialWrites } from "./places";
import { type Objects, Unmapped, custom, ownRecord } from "./objects";
import { incidentWrite } from "./incidents";
import { LEGAL_ACTION_TYPE, legalWrites } from "./legal";
import { statementWrites } from "./statements";

export type RecordType =
  | "Government"
  | "Agency"
  | "Official"
  | "ThreatActor"
  | "Incident"
  | "LegalAction"
  | "Person"
  | "Statement";

export interface Write {
  type: RecordType;
  /** The object's name, for progress lines. */
  label: string;
  mode: Mode;
  by: string | null;
  record: { id: string; [field: string]: unknown };
  sources: Sources;
  /** The stored record already is this one: nothing to send. */
  unchanged: boolean;
  /** The fields it changes in the stored record. */
  changed: string[];
}

export interface Plan {
  writes: Write[];
  conflicts: string[];
  unmapped: Unmapped;
  /** Objects read, by type. */
  read: Map<string, number>;
}

/** The types of the objects the connector turns into records (the rest is counted). */
const MAPPED = new Set([
  "intrusion-set",
  "threat-actor",
  "campaign",
  "identity",
  "location",
  LEGAL_ACTION_TYPE,
  "report",
]);

/** Everything a run will write, decided before the first write: a pure function of its inputs. */
export function planImport(objects: Objects, state: GraphState): Plan {
  const unmapped = new Unmapped();
  const conflicts: string[] = [];
  const read = new Map<string, number>();
  for (const object of objects.byId.values())
    read.set(object.type, (read.get(object.type) ?? 0) + 1);
  const places = new Places(objects, state.governments, unmapped);
  const writes: Write[] = [
    ...governmentWrites(places, state),
    ...agencyWrites(objects, state, unmapped),
    ...officialWrites(objects, state, places, unmapped),
  ];

  const actorObjects = [...objects.of("intrusion-set"), ...objects.of("threat-actor")].filter(
    // This project's state actors stand for a government or an agency, not for a threat actor.
    (o) => custom(o, "identity_ref") === undefined,
  );
  const facts = actorObjects.map((o) => actorFacts(objects, o, unmapped));
  const matches = matchActors(facts, state.actors, conflicts);
  const taken = new Set(state.actors.map((a) => a.record.id));
  for (const f of facts) if (f.ownId) taken.add(f.ownId);
  const actorIds = knownActors(state);
  for (const f of facts) {
    const match = matches.get(f);
    const id = match?.existing.record.id ?? f.ownId ?? newId(f.name, f.object.id, taken);
    actorIds.set(f.object.id, id);
    writes.push(actorWrite(f, id, match, places, unmapped));
  }
  for (const object of objects.of("campaign")) {
    const f = incidentFacts(objects, object, unmapped);
    writes.push(incidentWrite(f, state.incidents, { places, actorIds, unmapped, conflicts }));
  }
  writes.push(...legalWrites(objects, state, places, unmapped));
  // Last: a statement refers to governments, agencies, officials, actors and incidents.
  writes.push(...statementWrites(objects, state.statements, unmapped));
  countUnmapped(objects, unmapped);
  return { writes, conflicts, unmapped, read };
}

function actorWrite(
  f: ActorFacts,
  id: string,
  match: Match | undefined,
  places: Places,
  unmapped: Unmapped,
): Write {
  const mode = actorMode(match);
  const resolved = {
    sponsorState: f.sponsor ? (places.government(f.sponsor.ref) ?? null) : null,
    suspectedOrigin: suspectedOrigin(f, places),
    targetedCountries: [
      ...new Set([
        ...f.targets.flatMap((ref) => places.government(ref) ?? []),
        ...f.unknownTargets,
      ]),
    ],
  };
  if (f.sponsor && !resolved.sponsorState) unmapped.add("sponsors that are no government", f.name);
  const { record, sources } =
    mode === "enrich"
      ? enrichedActor(match!.existing, f, unmapped)
      : managedActor(id, f, resolved, unmapped);
  return finish("ThreatActor", f.name, mode, match?.by ?? null, record, sources, match?.existing);
}

/** The origin the object gives, where its place is a government (STIX location `country`). */
function suspectedOrigin(f: ActorFacts, places: Places): Resolved["suspectedOrigin"] {
  const government = f.origin && places.government(f.origin.ref);
  if (!f.origin || !government) return null;
  const { claimedBy, sources } = f.origin;
  return {
    government,
    ...(claimedBy ? { claimedBy } : {}),
    ...(sources.length ? { sources } : {}),
  };
}

/**
 * The STIX ids of the actors the graph holds: those it read before (their `stix` external id)
 * and this project's own (an intrusion set's id is UUIDv5 of its record's global id).
 */
function knownActors(state: GraphState): Map<string, string> {
  const known = new Map<string, string>();
  for (const { record } of state.actors) {
    known.set(stixId("intrusion-set", `ThreatActor:${record.id}`), record.id);
    for (const e of (record.externalIds ?? []) as { system: string; id: string }[]) {
      if (e.system === STIX_SYSTEM) known.set(e.id, record.id);
    }
  }
  return known;
}

/** A write, marked unchanged when the stored record and its sources already are these. */
export function finish(
  type: RecordType,
  label: string,
  mode: Mode,
  by: string | null,
  record: { id: string },
  sources: Sources,
  existing: Snapshot | undefined,
): Write {
  const clean = compact(record) as Write["record"];
  const unchanged =
    !!existing &&
    isDeepStrictEqual(clean, existing.record) &&
    Object.entries(sources).every(([key, entry]) =>
      isDeepStrictEqual(compact({ ...entry }), existing.sources[key]),
    );
  const changed = existing && !unchanged ? changedFields(existing, clean, sources) : [];
  return { type, label, mode, by, record: clean, sources, unchanged, changed };
}

/** What a write changes: the record's fields, and "sources" when a cited source differs. */
function changedFields(existing: Snapshot, record: Write["record"], sources: Sources): string[] {
  const fields = new Set([...Object.keys(record), ...Object.keys(existing.record)]);
  const changed = [...fields].filter((f) => !isDeepStrictEqual(record[f], existing.record[f]));
  const cited = Object.entries(sources).some(
    ([key, entry]) => !isDeepStrictEqual(compact({ ...entry }), existing.sources[key]),
  );
  return cited && !changed.includes("sources") ? [...changed, "sources"] : changed;
}

/** Every object that is not a record of its own, counted by type (relationships by theirs). */
function countUnmapped(objects: Objects, unmapped: Unmapped) {
  const used = new Set(["attributed-to", "targets", "located-at"]);
  for (const object of objects.byId.values()) {
    if (object.revoked === true) unmapped.add("revoked, skipped", object.type);
    else if (object.type === "relationship") {
      const type = String(object.relationship_type);
      // A statement's attribution (a denial is related-to) is read with its report.
      if (!used.has(type) && custom(object, "statement_ref") === undefined)
        unmapped.add("objects", `relationship "${type}"`);
    } else if (object.type === "identity") {
      const own = ownRecord(object);
      if (own && !["Government", "Agency", "Official", "Person"].includes(own.kind))
        unmapped.add("objects", `identity (${own.kind})`);
      else if (!own && object.identity_class !== "class" && !custom(object, "identity_ref")) {
        unmapped.add("objects", `identity (${String(object.identity_class ?? "?")})`);
      }
    } else if (!MAPPED.has(object.type)) unmapped.add("objects", object.type);
  }
}
