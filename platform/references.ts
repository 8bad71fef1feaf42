import type { Bundle, BundleKey } from "./bundle";

/** A record type a bundle refers to, and the list query that finds it by id. */
const LISTS = {
  Government: { key: "governments", list: "governments" },
  Agency: { key: "agencies", list: "agencies" },
  Official: { key: "officials", list: "officials" },
  ThreatActor: { key: "threatActors", list: "threatActors" },
  Incident: { key: "incidents", list: "incidents" },
  Person: { key: "persons", list: "persons" },
  LegalAction: { key: "legalActions", list: "legalActions" },
} as const satisfies Record<string, { key: BundleKey; list: string }>;

export type ReferencedType = keyof typeof LISTS;

/**
 * Every field of a bundle record that names another record (data/README.md), `*` for each item
 * of a list: the same references the subgraphs check or, across subgraphs, keep order-free.
 */
export const REFERENCES: Record<BundleKey, [string, ReferencedType][]> = {
  governments: [["memberOf.*", "Government"]],
  agencies: [
    ["government", "Government"],
    ["parent", "Agency"],
  ],
  officials: [
    ["roles.*.agency", "Agency"],
    ["roles.*.government", "Government"],
  ],
  threatActors: [
    ["sponsorState", "Government"],
    ["affiliatedAgency", "Agency"],
    ["targetedCountries.*", "Government"],
  ],
  incidents: [
    ["targetedCountries.*", "Government"],
    ["suspectedActors.*", "ThreatActor"],
  ],
  statements: [
    ["issuer", "Government"],
    ["cosigners.*", "Government"],
    ["agency", "Agency"],
    ["speaker", "Official"],
    ["quotes.*.speaker", "Official"],
    ["attributions.*.incident", "Incident"],
    ["attributions.*.actor", "ThreatActor"],
    ["attributions.*.state", "Government"],
    ["attributions.*.agency", "Agency"],
  ],
  persons: [
    ["nationality", "Government"],
    ["affiliations.*.actor", "ThreatActor"],
    ["affiliations.*.agency", "Agency"],
  ],
  legalActions: [
    ["jurisdiction", "Government"],
    ["authority", "Agency"],
    ["defendants.*.person", "Person"],
    ["defendants.*.nationality", "Government"],
    ["defendants.*.affiliatedActor", "ThreatActor"],
    ["relatedIncidents.*", "Incident"],
    ["relatedActors.*", "ThreatActor"],
  ],
};

export interface BundleReference {
  /** JSON path: `$.statements[3].issuer`. */
  path: string;
  type: ReferencedType;
  id: string;
}

/** A reference inside one record: `["attributions", 0, "incident"]` names an Incident. */
export interface RecordReference {
  at: (string | number)[];
  type: ReferencedType;
  id: string;
}

/** The ids at `pattern` ("attributions.*.incident") under `value`, with their paths. */
function idsAt(
  value: unknown,
  pattern: string[],
  at: (string | number)[],
): { at: (string | number)[]; id: string }[] {
  if (!pattern.length) return typeof value === "string" ? [{ at, id: value }] : [];
  if (value === null || typeof value !== "object") return [];
  const [step, ...rest] = pattern;
  if (step === "*") {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, i) => idsAt(item, rest, [...at, i]));
  }
  if (!Object.hasOwn(value, step)) return [];
  return idsAt((value as Record<string, unknown>)[step], rest, [...at, step]);
}

/** Every reference one record of `key` (or a write's input of that kind) holds. */
export function recordReferences(key: BundleKey, record: object): RecordReference[] {
  return REFERENCES[key].flatMap(([pattern, type]) =>
    idsAt(record, pattern.split("."), []).map(({ at, id }) => ({ at, type, id })),
  );
}

/** `["attributions", 0, "incident"]` as a JSON path: `.attributions[0].incident`. */
export const jsonPath = (at: (string | number)[]) =>
  at.map((step) => (typeof step === "number" ? `[${step}]` : `.${step}`)).join("");

/** Every reference of every record of a bundle. */
export function bundleReferences(bundle: Bundle): BundleReference[] {
  return (Object.keys(REFERENCES) as BundleKey[]).flatMap((key) =>
    (bundle[key] ?? []).flatMap((record, i) =>
      recordReferences(key, record).map(({ at, type, id }) => ({
        path: `$.${key}[${i}]${jsonPath(at)}`,
        id,
        type,
      })),
    ),
  );
}

/** Asks the target graph which of `ids` (at most 100) it has records of `type` for. */
export type FindIds = (list: string, ids: string[]) => Promise<Set<string>>;

/** The most ids one `filter: { ids }` takes. */
const IDS_PER_QUERY = 100;

/**
 * Of the ids a bundle refers to, by type, the ones neither in the bundle (`inBundle`, its ids of a
 * kind) nor in the target graph: the graph is asked once per type and 100 ids.
 */
export async function missingIds(
  referenced: Map<ReferencedType, Set<string>>,
  inBundle: (key: BundleKey) => Set<string>,
  findIds: FindIds,
): Promise<Map<ReferencedType, Set<string>>> {
  const missing = new Map<ReferencedType, Set<string>>();
  for (const type of Object.keys(LISTS) as ReferencedType[]) {
    const ids = inBundle(LISTS[type].key);
    const wanted = [...(referenced.get(type) ?? [])].filter((id) => !ids.has(id));
    const found = new Set<string>();
    for (let i = 0; i < wanted.length; i += IDS_PER_QUERY) {
      const part = wanted.slice(i, i + IDS_PER_QUERY);
      for (const id of await findIds(LISTS[type].list, part)) found.add(id);
    }
    missing.set(type, new Set(wanted.filter((id) => !found.has(id))));
  }
  return missing;
}

/**
 * The references of a bundle that name a record neither in the bundle nor in the target graph:
 * the graph is asked once per type and 100 ids.
 */
export async function danglingReferences(
  bundle: Bundle,
  findIds: FindIds,
): Promise<BundleReference[]> {
  const references = bundleReferences(bundle);
  const referenced = new Map<ReferencedType, Set<string>>();
  for (const { type, id } of references) {
    referenced.set(type, (referenced.get(type) ?? new Set()).add(id));
  }
  const inBundle = (key: BundleKey) => new Set((bundle[key] ?? []).map((r) => r.id));
  const missing = await missingIds(referenced, inBundle, findIds);
  return references.filter((r) => missing.get(r.type)!.has(r.id));
}

/** The bundle key whose records a reference of `type` names (`Agency`: `agencies`). */
export const keyOf = (type: ReferencedType): BundleKey => LISTS[type].key;

/** `$.statements[3].issuer: Government "xx" does not exist (in the bundle or the graph)`. */
export const bundleProblem = (r: BundleReference) =>
  `${r.path}: ${r.type} "${r.id}" does not exist (in the bundle or the graph)`;

/** A dangling reference of the graph, by the record holding it (the bundle is an export). */
export function graphProblem(graph: Bundle, r: BundleReference): string {
  const [, key, index, rest] = /^\$\.(\w+)\[(\d+)\]\.?(.*)$/.exec(r.path)!;
  const record = graph[key as BundleKey]![Number(index)];
  return `${key} "${record.id}" ${rest}: ${r.type} "${r.id}" does not exist`;
}

/** The source (subgraph) that holds each kind of record: references across sources are order-free. */
export const SOURCE_OF: Record<BundleKey, "governments" | "incidents" | "legal-actions"> = {
  governments: "governments",
  agencies: "governments",
  officials: "governments",
  statements: "governments",
  threatActors: "incidents",
  incidents: "incidents",
  persons: "legal-actions",
  legalActions: "legal-actions",
};

/** `upsert<Type>` mutations by name, with the kind of record they write. */
export const UPSERT_KINDS: Record<string, BundleKey> = {
  upsertGovernment: "governments",
  upsertAgency: "agencies",
  upsertOfficial: "officials",
  upsertStatement: "statements",
  upsertThreatActor: "threatActors",
  upsertIncident: "incidents",
  upsertPerson: "persons",
  upsertLegalAction: "legalActions",
};

/** The references a record of `key` holds into other sources: what its subgraph cannot check. */
export const crossSourceReferences = (key: BundleKey, record: object) =>
  recordReferences(key, record).filter(({ type }) => SOURCE_OF[LISTS[type].key] !== SOURCE_OF[key]);

/** The root list that finds records of `type` by id (`filter: { ids }`). */
export const listOf = (type: ReferencedType) => LISTS[type].list;
