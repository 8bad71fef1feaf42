import type { Bundle, BundleRecord, SourceEntry } from "../platform/bundle";
import { BUNDLE_FORMAT } from "../platform/bundle";
import {
  type Execute,
  KINDS,
  type Kind,
  RECORD_FIELDS,
  type RecordNode,
  type Stamps,
  kindOfType,
  shrinking,
} from "./read";

/** Records wanted, by GraphQL type: "Government" → its slugs. */
export type Wanted = Map<string, Set<string>>;

/** Records read so far (a page and what it refers to), with their sources and system times. */
export class Loaded {
  readonly records = new Map<string, BundleRecord>();
  readonly sources: Record<string, SourceEntry> = {};
  readonly stamps: Stamps = new Map();

  add(type: string, { bundleRecord, recordTime }: RecordNode) {
    const globalId = `${type}:${bundleRecord.record.id}`;
    this.records.set(globalId, bundleRecord.record);
    Object.assign(this.sources, bundleRecord.sources);
    this.stamps.set(globalId, recordTime);
  }

  has = (globalId: string) => this.records.has(globalId);

  /** As a bundle, for the mapping (context.ts). */
  bundle(): Bundle {
    const bundle: Bundle = { format: BUNDLE_FORMAT, sources: this.sources };
    for (const kind of KINDS) bundle[kind.key] = [];
    for (const [globalId, record] of this.records) {
      bundle[kindOfType(globalId.slice(0, globalId.indexOf(":")))!.key]!.push(record);
    }
    return bundle;
  }
}

const IDS_PER_LIST = 100;
/** Root fields per operation: the gateway's MAX_ROOT_FIELDS default (10) less a margin. */
const MAX_LISTS = 8;

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/**
 * Reads the `wanted` records into `into`: one GraphQL operation (a list per kind and 100 ids,
 * so one request per subgraph), split into smaller ones only when the answer would pass the
 * byte budget.
 */
export async function readRecords(execute: Execute, wanted: Wanted, into: Loaded) {
  const lists = [...wanted].flatMap(([type, ids]) =>
    chunks([...ids], IDS_PER_LIST).map((chunk) => ({ kind: kindOfType(type)!, ids: chunk })),
  );
  if (!lists.length) return;
  const total = lists.reduce((sum, list) => sum + list.ids.length, 0);
  await shrinking(total, async (size) => {
    const parts = lists.flatMap((list) => chunks(list.ids, size).map((ids) => ({ ...list, ids })));
    const operations: (typeof parts)[] = [[]];
    let count = 0;
    for (const part of parts) {
      if (count + part.ids.length > size || operations.at(-1)!.length >= MAX_LISTS) {
        operations.push([]);
        count = 0;
      }
      operations.at(-1)!.push(part);
      count += part.ids.length;
    }
    for (const operation of operations) await readLists(execute, operation, into);
  });
}

async function readLists(execute: Execute, lists: { kind: Kind; ids: string[] }[], into: Loaded) {
  // Sizes as variables: the text depends only on the kinds, so the gateway plans it once.
  const fields = lists.map(
    ({ kind }, i) =>
      `l${i}: ${kind.list}(first: $n${i}, filter: { ids: $i${i} }) { nodes { ${RECORD_FIELDS} } }`,
  );
  const data = await execute<Record<string, { nodes: RecordNode[] }>>(
    `query StixRecords(${lists.map((_, i) => `$i${i}: [ID!], $n${i}: Int`).join(", ")}) { ${fields.join("\n")} }`,
    Object.fromEntries(
      lists.flatMap(({ ids }, i) => [
        [`i${i}`, ids],
        [`n${i}`, ids.length],
      ]),
    ),
  );
  lists.forEach(({ kind }, i) => data[`l${i}`].nodes.forEach((node) => into.add(kind.type, node)));
}

type Record_ = Record<string, unknown>;
const list = (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : []);
const items = (record: Record_, field: string) => list(record[field]) as Record_[];

/** The records a record names, as the mapping looks them up: [type, slug]. */
function namedBy(type: string, r: Record_): [string, unknown][] {
  const each = (field: string, pick: (item: Record_) => [string, unknown][]) =>
    items(r, field).flatMap(pick);
  const all = (t: string, field: string) => list(r[field]).map((id): [string, unknown] => [t, id]);
  switch (type) {
    case "Government":
      return all("Government", "memberOf");
    case "Agency":
      return [
        ["Government", r.government],
        ["Agency", r.parent],
      ];
    case "Official":
      return each("roles", (x) => [
        ["Agency", x.agency],
        ["Government", x.government],
      ]);
    case "ThreatActor":
      return [
        ["Government", r.sponsorState],
        ["Agency", r.affiliatedAgency],
        ...all("Government", "targetedCountries"),
      ];
    case "Incident":
      return [...all("Government", "targetedCountries"), ...all("ThreatActor", "suspectedActors")];
    case "Statement":
      return [
        ["Government", r.issuer],
        ...all("Government", "cosigners"),
        ["Agency", r.agency],
        ["Official", r.speaker],
        ...each("quotes", (q) => [["Official", q.speaker]]),
        ...each("attributions", (a) => [
          ["Incident", a.incident],
          ["ThreatActor", a.actor],
          ["Government", a.state],
          ["Agency", a.agency],
        ]),
      ];
    case "Person":
      return [
        ["Government", r.nationality],
        ...each("affiliations", (a) => [
          ["ThreatActor", a.actor],
          ["Agency", a.agency],
        ]),
      ];
    case "LegalAction":
      return [
        ["Government", r.jurisdiction],
        ["Agency", r.authority],
        ...all("Incident", "relatedIncidents"),
        ...all("ThreatActor", "relatedActors"),
        ...each("defendants", (d) => [
          ["Person", d.person],
          ["Government", d.nationality],
          ["ThreatActor", d.affiliatedActor],
        ]),
      ];
    default:
      return [];
  }
}

/** The records `globalIds` name that `loaded` does not hold yet. */
export function unread(loaded: Loaded, globalIds: Iterable<string>): Wanted {
  const wanted: Wanted = new Map();
  for (const globalId of globalIds) {
    const type = globalId.slice(0, globalId.indexOf(":"));
    for (const [t, id] of namedBy(type, loaded.records.get(globalId) ?? {})) {
      if (typeof id !== "string" || loaded.has(`${t}:${id}`)) continue;
      if (!wanted.has(t)) wanted.set(t, new Set());
      wanted.get(t)!.add(id);
    }
  }
  return wanted;
}
