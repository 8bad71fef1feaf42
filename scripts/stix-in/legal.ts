import { type Sources, sourcesOf } from "./facts";
import type { GraphState, Snapshot } from "./graph";
import {
  type Objects,
  type Unmapped,
  custom,
  dateOf,
  ownRecord,
  references,
  sourceKey,
  strings,
  text,
} from "./objects";
import type { Places } from "./places";
import { type Write, finish } from "./plan";
import type { StixIn } from "./read";
import { isObject } from "./read";

/** The new SDO of this project's export (stix/extension.ts). */
export const LEGAL_ACTION_TYPE = "x-attribution-graph-legal-action";

type Row = Record<string, unknown>;
const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** What a record is read from besides its object: the bundle, its places, what stays unmapped. */
interface Reading {
  objects: Objects;
  places: Places;
  unmapped: Unmapped;
}

/** The record id of one of this project's objects a property refers to. */
function ownId(objects: Objects, ref: unknown): string | null {
  const object = typeof ref === "string" ? objects.byId.get(ref) : undefined;
  return object ? (ownRecord(object)?.id ?? null) : null;
}

/**
 * This project's own persons (individual identities with their names) and legal actions (its new
 * SDO): read back as the export wrote them. Records the graph already holds are kept as they are.
 */
export function legalWrites(
  objects: Objects,
  state: GraphState,
  places: Places,
  unmapped: Unmapped,
): Write[] {
  const reading: Reading = { objects, places, unmapped };
  const writes: Write[] = [];
  const persons = new Map(state.persons.map((p) => [p.record.id, p]));
  for (const object of objects.of("identity")) {
    const own = ownRecord(object);
    if (own?.kind !== "Person") continue;
    writes.push(
      keep(
        "Person",
        String(object.name),
        personRecord(reading, object, own.id),
        persons.get(own.id),
      ),
    );
  }
  const actions = new Map(state.legalActions.map((a) => [a.record.id, a]));
  for (const object of objects.of(LEGAL_ACTION_TYPE)) {
    const own = ownRecord(object);
    if (!own) {
      unmapped.add("objects", `${LEGAL_ACTION_TYPE} of another producer`);
      continue;
    }
    const built = legalActionRecord(reading, object, own.id);
    writes.push(keep("LegalAction", String(object.name), built, actions.get(own.id)));
  }
  return writes;
}

function keep(
  type: "Person" | "LegalAction",
  label: string,
  built: { record: { id: string }; sources: Sources },
  existing: Snapshot | undefined,
) {
  if (existing)
    return finish(type, label, "enrich", "record id", existing.record, existing.sources, existing);
  return finish(type, label, "create", null, built.record, built.sources, undefined);
}

function personRecord(reading: Reading, object: StixIn, id: string) {
  const { objects, places } = reading;
  const sources = sourcesOf(objects, object, true, reading.unmapped);
  const cited = (row: Row) => {
    const keys = references(row)
      .map(sourceKey)
      .filter((key) => key in sources);
    return keys.length ? keys : undefined;
  };
  const affiliated = objects.related(object.id, "related-to");
  const record = {
    id,
    names: rows(custom(object, "names")).map((n) => ({
      name: String(n.name),
      kind: String(n.kind),
      language: text(n.language),
      script: text(n.script),
      usedBy: strings(n.used_by),
      sources: cited(n),
    })),
    nationality: places.government(String(custom(object, "nationality_ref") ?? "")) ?? null,
    birthDate: text(custom(object, "birth_date")),
    birthPlace: text(custom(object, "birth_place")),
    affiliations: rows(custom(object, "affiliations")).map((a) => {
      const target = a.actor_ref ?? a.agency_ref;
      const link = affiliated.find(({ target: t }) => t.id === target);
      return {
        actor: ownId(objects, a.actor_ref),
        agency: ownId(objects, a.agency_ref),
        employer: text(a.employer),
        role: text(a.role),
        from: text(a.from),
        to: text(a.to),
        sources: link ? cited(link.relationship) : undefined,
      };
    }),
    sources: Object.keys(sources),
  };
  return { record, sources };
}

function legalActionRecord(reading: Reading, object: StixIn, id: string) {
  const { objects, places } = reading;
  const sources = sourcesOf(objects, object, true, reading.unmapped);
  const precision = (isObject(object.date_precision) ? object.date_precision : {}) as Row;
  const date = (name: string) => dateOf(object[name], precision[name]);
  // Who each defendant is: the person related to the action under the name it gives.
  const named = new Map<string, string>();
  for (const person of objects.of("identity")) {
    for (const { relationship, target } of objects.related(person.id, "related-to")) {
      const name = custom(relationship, "name_in_action");
      const personId = ownRecord(person)?.id;
      if (target.id === object.id && typeof name === "string" && personId && !named.has(name)) {
        named.set(name, personId);
      }
    }
  }
  const sanctions = isObject(object.sanctions) ? object.sanctions : null;
  const record = {
    id,
    kind: String(object.legal_action_kind),
    title: String(object.name),
    summary: text(object.description),
    jurisdiction: places.government(String(object.jurisdiction_ref ?? "")) ?? null,
    authority: ownId(objects, object.authority_ref),
    court: text(object.court),
    caseNumber: text(object.case_number),
    filed: date("filed"),
    unsealed: date("unsealed"),
    announced: date("announced"),
    conductFrom: date("conduct_from"),
    conductTo: date("conduct_to"),
    status: String(object.status),
    charges: rows(object.charges).map((c) => ({
      statute: text(c.statute),
      description: String(c.description),
      counts: typeof c.counts === "number" ? c.counts : null,
      maximumPenalty: text(c.maximum_penalty),
    })),
    defendants: rows(object.defendants).map((d) => ({
      name: String(d.name),
      kind: text(d.defendant_kind),
      person: named.get(String(d.name)) ?? null,
      nationality: places.government(String(d.nationality_ref ?? "")) ?? null,
      affiliatedActor: ownId(objects, d.affiliated_actor_ref),
      employer: text(d.employer),
      status: String(d.status),
    })),
    sanctions: sanctions && {
      regime: String(sanctions.regime),
      measures: strings(sanctions.measures),
    },
    relatedIncidents: strings(object.related_incident_refs).flatMap(
      (ref) => ownId(objects, ref) ?? [],
    ),
    relatedActors: strings(object.related_actor_refs).flatMap((ref) => ownId(objects, ref) ?? []),
    sources: Object.keys(sources),
  };
  return { record, sources };
}
