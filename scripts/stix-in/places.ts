import type { Mode } from "./actors";
import { type Sources, sourcesOf } from "./facts";
import type { GraphState, Snapshot } from "./graph";
import {
  type Objects,
  type Unmapped,
  custom,
  ownRecord,
  references,
  strings,
  text,
} from "./objects";
import { type Write, finish } from "./plan";

const ISO_ALPHA_2 = "ISO 3166-1 alpha-2";
const ISO_ALPHA_3 = "ISO 3166-1 alpha-3";

interface GovernmentFacts {
  record: { id: string; name: string; [field: string]: unknown };
  sources: Sources;
  existing: Snapshot | undefined;
}

/**
 * Which government each identity, location and state actor stands for: this project's own
 * government identities by their record, any `location` of a country by its ISO code (the
 * graph's government with that code, else a new state), a state's identity by where it is
 * located, a state threat actor by whom it is attributed to.
 */
export class Places {
  readonly governments = new Map<string, GovernmentFacts>();
  private readonly refs = new Map<string, string>();

  constructor(
    private readonly objects: Objects,
    graph: Snapshot[],
    unmapped: Unmapped,
  ) {
    const byIso = new Map<string, string>();
    const byId = new Map(graph.map((g) => [g.record.id, g]));
    for (const g of graph)
      if (typeof g.record.isoAlpha2 === "string") byIso.set(g.record.isoAlpha2, g.record.id);
    for (const object of objects.of("identity")) {
      const own = ownRecord(object);
      if (own?.kind !== "Government") continue;
      const refs = references(object);
      const code = (name: string) => refs.find((r) => r.source_name === name)?.external_id ?? null;
      const record = {
        id: own.id,
        name: String(object.name),
        kind: text(custom(object, "kind")) ?? "STATE",
        isoAlpha2: code(ISO_ALPHA_2),
        isoAlpha3: code(ISO_ALPHA_3),
        memberOf: strings(custom(object, "member_of_refs")),
        sources: [] as string[],
      };
      const sources = sourcesOf(objects, object, true, unmapped);
      record.sources = Object.keys(sources);
      this.governments.set(own.id, { record, sources, existing: byId.get(own.id) });
      this.refs.set(object.id, own.id);
      if (record.isoAlpha2 && !byIso.has(record.isoAlpha2)) byIso.set(record.isoAlpha2, own.id);
    }
    for (const { record } of this.governments.values()) {
      record.memberOf = (record.memberOf as string[]).flatMap((ref) => this.refs.get(ref) ?? []);
    }
    const taken = new Set([...byId.keys(), ...this.governments.keys()]);
    for (const location of objects.of("location")) {
      const iso = typeof location.country === "string" ? location.country.toUpperCase() : null;
      if (!iso || !/^[A-Z]{2}$/.test(iso)) continue;
      let id = byIso.get(iso);
      if (!id) {
        id = taken.has(iso.toLowerCase()) ? `country-${iso.toLowerCase()}` : iso.toLowerCase();
        taken.add(id);
        byIso.set(iso, id);
        const sources = sourcesOf(objects, location, false, unmapped);
        const name = text(location.name) ?? iso;
        const record = { id, name, kind: "STATE", isoAlpha2: iso, sources: Object.keys(sources) };
        this.governments.set(id, { record, sources, existing: undefined });
      }
      this.refs.set(location.id, id);
    }
  }

  /** The government id an identity, location or (state) threat actor stands for. */
  government(ref: string, depth = 0): string | undefined {
    const known = this.refs.get(ref);
    const object = this.objects.byId.get(ref);
    if (known || !object || depth > 2) return known;
    const identity = custom(object, "identity_ref");
    if (typeof identity === "string") return this.government(identity, depth + 1);
    const via =
      object.type === "identity"
        ? "located-at"
        : object.type === "threat-actor"
          ? "attributed-to"
          : null;
    if (!via) return undefined;
    for (const { target } of this.objects.related(ref, via)) {
      const id = this.government(target.id, depth + 1);
      if (id) return id;
    }
    return undefined;
  }
}

/** Governments first written; existing ones are kept as they are (curated records win). */
export function governmentWrites(places: Places, _state: GraphState): Write[] {
  const all = [...places.governments.values()];
  // Unions before the states that are members of them.
  all.sort(
    (a, b) =>
      Number(!!(a.record.memberOf as string[] | undefined)?.length) -
      Number(!!(b.record.memberOf as string[] | undefined)?.length),
  );
  return all.map(({ record, sources, existing }) =>
    keepOrCreate("Government", record, sources, existing),
  );
}

/** This project's own agencies (an agency's identity names its government and parent). */
export function agencyWrites(objects: Objects, state: GraphState, unmapped: Unmapped): Write[] {
  const byId = new Map(state.agencies.map((a) => [a.record.id, a]));
  const writes: Write[] = [];
  for (const object of objects.of("identity")) {
    const own = ownRecord(object);
    if (own?.kind !== "Agency") continue;
    const refOf = (name: string) => {
      const target = objects.byId.get(String(custom(object, name) ?? ""));
      return target ? (ownRecord(target)?.id ?? null) : null;
    };
    const sources = sourcesOf(objects, object, true, unmapped);
    const record = {
      id: own.id,
      name: String(object.name),
      acronym: text(custom(object, "acronym")),
      kind: text(custom(object, "kind")) ?? "OTHER",
      government: refOf("government_ref"),
      parent: refOf("parent_ref"),
      sources: Object.keys(sources),
    };
    writes.push(keepOrCreate("Agency", record, sources, byId.get(own.id)));
  }
  // Parents before the agencies under them, however deep.
  const parent = new Map(writes.map((w) => [w.record.id, w.record.parent as string | null]));
  const depth = (id: string, seen = 0): number => {
    const up = parent.get(id);
    return up && parent.has(up) && seen < writes.length ? 1 + depth(up, seen + 1) : 0;
  };
  return writes.sort((a, b) => depth(a.record.id) - depth(b.record.id));
}

/** This project's own officials (individual identities with their roles). */
export function officialWrites(
  objects: Objects,
  state: GraphState,
  places: Places,
  unmapped: Unmapped,
): Write[] {
  const byId = new Map(state.officials.map((o) => [o.record.id, o]));
  return objects.of("identity").flatMap((object) => {
    const own = ownRecord(object);
    if (own?.kind !== "Official") return [];
    const roles = custom(object, "roles");
    const sources = sourcesOf(objects, object, true, unmapped);
    const record = {
      id: own.id,
      name: String(object.name),
      roles: (Array.isArray(roles) ? roles : []).map((role: Record<string, unknown>) => ({
        title: String(role.title),
        agency: refId(objects, role.agency_ref),
        government: places.government(String(role.government_ref ?? "")) ?? null,
        from: text(role.from),
        to: text(role.to),
      })),
      sources: Object.keys(sources),
    };
    return [keepOrCreate("Official", record, sources, byId.get(own.id))];
  });
}

function refId(objects: Objects, ref: unknown): string | null {
  const target = objects.byId.get(String(ref ?? ""));
  return target ? (ownRecord(target)?.id ?? null) : null;
}

function keepOrCreate(
  type: "Government" | "Agency" | "Official",
  record: { id: string; name: string },
  sources: Sources,
  existing: Snapshot | undefined,
): Write {
  const mode: Mode = existing ? "enrich" : "create";
  if (existing)
    return {
      ...finish(type, record.name, mode, "record id", existing.record, existing.sources, existing),
    };
  return finish(type, record.name, mode, null, record, sources, undefined);
}
