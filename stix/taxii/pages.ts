import type { StixObject } from "../model";
import { TaxiiError } from "./errors";

/** One object a page serves, with when that version entered the collection. */
export interface Stored {
  object: StixObject;
  dateAdded: string;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface Listing {
  addedAfter?: string;
  limit: number;
  /** Where the previous page stopped: the `next` of that page (feed.ts reads it). */
  next?: string;
  ids?: string[];
  types?: string[];
  versions: string[];
  specVersions?: string[];
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const STIX_ID =
  /^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A STIX timestamp, as milliseconds (`.000Z`), or undefined when it is not one. */
export function timestamp(value: string): string | undefined {
  if (!TIMESTAMP.test(value)) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value.slice(0, 10))
    return undefined;
  return date.toISOString();
}

export const isStixId = (value: string) => STIX_ID.test(value);

const bad = (description: string) => new TaxiiError(400, description);

/**
 * The URL parameters of the objects, manifest and object endpoints (TAXII 2.1 § 3.4-3.5):
 * `added_after`, `limit`, `next` and `match[id|type|version|spec_version]`, comma-separated.
 * Anything malformed is refused with the parameter named; other parameters are ignored.
 */
export function parseListing(params: URLSearchParams): Listing {
  for (const name of new Set(params.keys())) {
    if (params.getAll(name).length > 1) throw bad(`${name}: given more than once`);
    const field = /^match\[(.*)\]$/.exec(name)?.[1];
    if (field !== undefined && !["id", "type", "version", "spec_version"].includes(field)) {
      throw bad(
        `${name}: not a filter of this server (match[id], match[type], match[version], match[spec_version])`,
      );
    }
  }
  const list = (name: string, check: (value: string) => boolean, expected: string) => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    const values = raw.split(",").map((value) => value.trim());
    const wrong = values.find((value) => !check(value));
    if (wrong !== undefined) throw bad(`${name}: "${wrong}" is not ${expected}`);
    return values;
  };
  const listing: Listing = {
    limit: DEFAULT_LIMIT,
    ids: list("match[id]", isStixId, "a STIX identifier (type--UUID)"),
    types: list("match[type]", (v) => /^[a-z0-9][a-z0-9-]{1,249}$/.test(v), "a STIX type"),
    versions: list(
      "match[version]",
      (v) => ["first", "last", "all"].includes(v) || !!timestamp(v),
      'a version: "first", "last", "all" or a timestamp such as 2021-07-19T00:00:00.000Z',
    ) ?? ["last"],
    specVersions: list(
      "match[spec_version]",
      (v) => /^\d\.\d$/.test(v),
      'a spec version such as "2.1"',
    ),
  };
  const addedAfter = params.get("added_after");
  if (addedAfter !== null) {
    listing.addedAfter = timestamp(addedAfter);
    if (!listing.addedAfter) {
      throw bad(`added_after: "${addedAfter}" is not a timestamp such as 2021-07-19T00:00:00.000Z`);
    }
  }
  const limit = params.get("limit");
  if (limit !== null) {
    if (!/^\d{1,7}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_LIMIT) {
      throw bad(`limit: must be an integer from 1 to ${MAX_LIMIT}, got "${limit}"`);
    }
    listing.limit = Number(limit);
  }
  const next = params.get("next");
  if (next !== null) {
    if (!/^[A-Za-z0-9_-]{1,4000}$/.test(next)) {
      throw bad(
        `next: "${next.slice(0, 100)}" is not a token this server gave (use the "next" of the previous page)`,
      );
    }
    listing.next = next;
  }
  return listing;
}

/**
 * How many requests of the rate limit a TAXII request counts as: an objects or manifest page one
 * per `objectsPerRequest` objects of its `limit` (a malformed one, refused anyway, as 1); one
 * object or its versions, which read the collection by pages of MAX_LIMIT, as such a page.
 * Anything else (discovery, collections) counts as 1.
 */
export function requestCost(path: string[], params: URLSearchParams, objectsPerRequest: number) {
  const [, , , sub, objectId] = path;
  if (sub !== "objects" && sub !== "manifest") return 1;
  const raw = objectId === undefined ? (params.get("limit") ?? String(DEFAULT_LIMIT)) : MAX_LIMIT;
  const limit = Number(raw);
  const objects = Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT ? limit : 1;
  return Math.max(1, Math.ceil(objects / objectsPerRequest));
}

const matchesVersion = (object: StixObject, versions: string[]) =>
  versions.some((v) => ["first", "last", "all"].includes(v) || timestamp(v) === object.modified);

/** Whether the `match[…]` filters keep an object (every object has spec_version 2.1). */
export const matches = (listing: Listing) => (object: StixObject) =>
  (!listing.ids || listing.ids.includes(object.id)) &&
  (!listing.types || listing.types.includes(object.type)) &&
  (!listing.specVersions || listing.specVersions.includes(object.spec_version)) &&
  matchesVersion(object, listing.versions);
