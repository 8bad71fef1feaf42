import { STATIC_OBJECTS, recordGraph } from "../bundle";
import { DEFINED } from "../extension";
import { Loaded, type Wanted, readRecords, unread } from "../fetch";
import type { StixObject } from "../model";
import { type Execute, KINDS, type Kind } from "../read";
import type { Collection } from "./collections";
import { TaxiiError } from "./errors";
import type { Listing, Stored } from "./pages";

/**
 * One TAXII page of a collection, read by the page (issue 20): the collection's records in
 * system-time order (`orderBy: UPDATED_AT` after each kind's own keyset cursor, `updatedSince`
 * for `added_after`), merged across kinds, then only those records and what they name. Each
 * object is served with the record it is made from: `date_added` = `modified` = that record's
 * `recordTime.updatedAt`. Three GraphQL operations at most (positions, records, references),
 * each one request per subgraph, unless a page passes the byte budget.
 */

/** Where a page stopped: each kind's cursor, the static objects served, a record half served. */
interface Position {
  c: Record<string, string>;
  s?: 1;
  o?: { r: string; id: string };
}

const STATIC = "attribution-graph";
const RECORDS_PER_PAGE = 100;

interface Edge {
  cursor: string;
  node: { id: string; recordTime: { updatedAt: string } };
}
interface Candidate {
  kind: Kind | null;
  globalId: string;
  updatedAt: string;
  cursor?: string;
}

const kindsOf = (collection: Collection) =>
  KINDS.filter((k) => collection.holds === "everything" || k.collection === collection.holds);

/** The next records of each kind after its cursor, by system time: ids and times only. */
async function positions(execute: Execute, kinds: Kind[], at: Position, listing: Listing) {
  const first = Math.min(listing.limit, RECORDS_PER_PAGE);
  const fields = kinds.map(
    (kind, i) =>
      `k${i}: ${kind.list}(first: ${first}, after: $a${i}, filter: { updatedSince: $since }, orderBy: { field: UPDATED_AT, direction: ASC }) {
        edges { cursor node { id recordTime { updatedAt } } } pageInfo { hasNextPage } }`,
  );
  const data = await execute<Record<string, { edges: Edge[]; pageInfo: { hasNextPage: boolean } }>>(
    `query TaxiiPositions($since: DateTime, ${kinds.map((_, i) => `$a${i}: String`).join(", ")}) {
      ${fields.join("\n")} }`,
    {
      // `updatedSince` is "at or after"; times are milliseconds: one more is "after".
      since: listing.addedAfter ? new Date(Date.parse(listing.addedAfter) + 1).toISOString() : null,
      ...Object.fromEntries(kinds.map((kind, i) => [`a${i}`, at.c[kind.type] ?? null])),
    },
  ).catch((error: unknown) => {
    const refused = error instanceof TaxiiError && error.code === "BAD_USER_INPUT";
    throw refused && Object.keys(at.c).length ? badToken(listing.next) : error;
  });
  let more = false;
  const candidates: Candidate[] = kinds.flatMap((kind, i) => {
    more ||= data[`k${i}`].pageInfo.hasNextPage;
    return data[`k${i}`].edges.map(({ cursor, node }) => ({
      kind,
      globalId: `${kind.type}:${node.id}`,
      updatedAt: node.recordTime.updatedAt,
      cursor,
    }));
  });
  candidates.sort((a, b) =>
    a.updatedAt !== b.updatedAt
      ? a.updatedAt < b.updatedAt
        ? -1
        : 1
      : a.globalId < b.globalId
        ? -1
        : 1,
  );
  if (candidates.length > first) more = true;
  return { candidates: candidates.slice(0, first), more };
}

/** The page of `collection` after `listing.after` (a `next` token), under `budgetBytes`. */
export async function feedPage(
  execute: Execute,
  collection: Collection,
  listing: Listing & { next?: string },
  budgetBytes: number,
  keep: (object: StixObject) => boolean,
) {
  const at = decodePosition(listing.next);
  const kinds = kindsOf(collection);
  const { candidates, more: moreRecords } = await positions(execute, kinds, at, listing);
  const statics = STATIC_OBJECTS.filter(
    (s) => collection.holds === "everything" || s.collections.includes(collection.holds),
  );
  if (!at.s && (!listing.addedAfter || DEFINED > listing.addedAfter) && statics.length) {
    candidates.unshift({ kind: null, globalId: STATIC, updatedAt: DEFINED });
  }
  const loaded = new Loaded();
  const wanted: Wanted = new Map();
  for (const { kind, globalId } of candidates) {
    if (!kind) continue;
    if (!wanted.has(kind.type)) wanted.set(kind.type, new Set());
    wanted.get(kind.type)!.add(globalId.slice(kind.type.length + 1));
  }
  await readRecords(execute, wanted, loaded);
  const records = candidates.filter((c) => !c.kind || loaded.has(c.globalId));
  await readRecords(
    execute,
    unread(
      loaded,
      records.map((c) => c.globalId),
    ),
    loaded,
  );

  const bundle = loaded.bundle();
  const page: Stored[] = [];
  const seen = new Set<string>();
  const next: Position = { c: { ...at.c }, s: at.s, o: at.o };
  let bytes = 0;
  let stopped = false;
  for (const candidate of candidates) {
    const { kind, globalId, updatedAt } = candidate;
    const objects = !kind
      ? statics.map((s) => s.object)
      : loaded.has(globalId)
        ? recordGraph(bundle, { stamps: loaded.stamps, own: new Set([globalId]) }).objects()
        : [];
    const skip = at.o?.r === globalId ? at.o.id : "";
    const fresh = objects
      .filter((object) => object.id > skip && keep(object))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    let served = 0;
    for (const object of fresh) {
      const size = JSON.stringify(object).length;
      if (page.length >= listing.limit || (page.length > 0 && bytes + size > budgetBytes)) {
        stopped = true;
        break;
      }
      const version = `${object.id}|${object.modified}`;
      if (seen.has(version)) continue;
      seen.add(version);
      bytes += size;
      served += 1;
      page.push({ object, dateAdded: kind ? updatedAt : DEFINED });
    }
    if (stopped) {
      // Half of this record served: the next page starts with it, after its last object served.
      if (served) next.o = { r: globalId, id: page.at(-1)!.object.id };
      break;
    }
    if (kind) next.c[kind.type] = candidate.cursor!;
    else next.s = 1;
    delete next.o;
  }
  const more = stopped || moreRecords;
  return { page, more, next: more ? encodePosition(next) : undefined };
}

const encodePosition = (position: Position) =>
  Buffer.from(JSON.stringify(position), "utf8").toString("base64url");

const badToken = (token = "") =>
  new TaxiiError(
    400,
    `next: "${token.slice(0, 100)}" is not a token this server gave (use the "next" of the previous page)`,
  );

function decodePosition(token: string | undefined): Position {
  if (token === undefined) return { c: {} };
  try {
    const value = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Position;
    const strings = (o: unknown) =>
      !!o && typeof o === "object" && Object.values(o).every((v) => typeof v === "string");
    if (
      strings(value.c) &&
      Object.keys(value.c).every((type) => KINDS.some((k) => k.type === type)) &&
      (value.s === undefined || value.s === 1) &&
      (value.o === undefined || strings(value.o))
    ) {
      return value;
    }
  } catch {
    // not JSON: the same answer as any other bad token
  }
  throw badToken(token);
}
