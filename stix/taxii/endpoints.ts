import { LEGAL_ACTION_SCHEMA_PATH, legalActionSchema } from "../extension";
import { stixBundle } from "../bundle";
import type { Execute } from "../read";
import { oneRecordObjects } from "../record";
import { COLLECTIONS, type Collection, collectionResource, findCollection } from "./collections";
import { TaxiiError } from "./errors";
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE, accepts } from "./media";
import { feedPage } from "./feed";
import { type Listing, type Stored, isStixId, matches, parseListing } from "./pages";

/** The one API root: `/taxii2/attribution-graph/`. */
export const API_ROOT = "attribution-graph";

export interface StixRequest {
  /** Path segments after `/taxii2` or `/stix`. */
  path: string[];
  params: URLSearchParams;
  accept: string | undefined;
  /** Where clients reach the gateway (PUBLIC_URL, ending in "/"): never the Host header. */
  publicUrl: string;
  maxContentLength: number;
  /** Runs a GraphQL operation through the gateway as the caller. */
  execute: Execute;
  /** The largest page answer, in bytes (the gateway's response budget). */
  budgetBytes: number;
  /** Aborted once the request was answered TIMEOUT or its client left. */
  signal?: AbortSignal;
}

export interface Answer {
  mediaType: string;
  body: unknown;
  headers?: Record<string, string>;
}

const taxii = (body: unknown, headers?: Record<string, string>): Answer => ({
  mediaType: TAXII_MEDIA_TYPE,
  body,
  headers,
});

/** TAXII 2.1 read endpoints: discovery, API root, collections, objects, manifest, versions. */
export async function taxiiAnswer(request: StixRequest): Promise<Answer> {
  if (!accepts(request.accept, TAXII_MEDIA_TYPE)) {
    throw new TaxiiError(
      406,
      `TAXII resources are ${TAXII_MEDIA_TYPE}: the Accept header ("${request.accept}") does not admit it`,
    );
  }
  const [root, section, id, sub, objectId, versions, ...rest] = request.path;
  const apiRoot = new URL(`taxii2/${API_ROOT}/`, request.publicUrl).href;
  if (root === undefined) {
    return taxii({
      title: "attribution-graph TAXII 2.1",
      description:
        "Public attributions of state-linked cyber operations as STIX 2.1: read-only collections.",
      default: apiRoot,
      api_roots: [apiRoot],
    });
  }
  if (root !== API_ROOT) {
    throw new TaxiiError(404, `no API root "${root}": the API root is ${apiRoot}`);
  }
  if (section === undefined) {
    return taxii({
      title: "attribution-graph",
      description:
        "Every record of the gateway as STIX 2.1, one collection per source and one for all.",
      versions: [TAXII_MEDIA_TYPE],
      max_content_length: request.maxContentLength,
    });
  }
  if (section === "status") {
    throw new TaxiiError(404, "no status resources: this server is read-only (can_write: false)");
  }
  if (section !== "collections" || rest.length) throw noEndpoint(request);
  if (id === undefined) return taxii({ collections: COLLECTIONS.map(collectionResource) });
  const collection = findCollection(id);
  if (!collection) {
    throw new TaxiiError(
      404,
      `no collection "${id}": the collections are ${COLLECTIONS.map((c) => `${c.id} (${c.alias})`).join(", ")}`,
    );
  }
  if (sub === undefined) return taxii(collectionResource(collection));
  if (sub === "manifest" && objectId === undefined) return manifest(request, collection);
  if (sub !== "objects") throw noEndpoint(request);
  if (objectId === undefined) return objects(request, collection);
  if (!isStixId(objectId)) {
    throw new TaxiiError(400, `"${objectId}" is not a STIX identifier (type--UUID)`);
  }
  if (versions === undefined) return oneObject(request, collection, objectId);
  if (versions === "versions") return objectVersions(request, collection, objectId);
  throw noEndpoint(request);
}

const noEndpoint = (request: StixRequest) =>
  new TaxiiError(404, `no TAXII endpoint at /taxii2/${request.path.join("/")}/`);

/** One page of the collection's objects that the `match[…]` filters keep. */
function held(
  request: StixRequest,
  collection: Collection,
  listing = parseListing(request.params),
) {
  return feedPage(request.execute, collection, listing, request.budgetBytes, matches(listing));
}

/**
 * Every version of one object in the collection. STIX ids are not reversible to records, so
 * this reads the collection page by page (each page by the page) until its end.
 */
async function versionsOf(request: StixRequest, collection: Collection, objectId: string) {
  const listing: Listing = { ...parseListing(request.params), limit: 1000, next: undefined };
  const found: Stored[] = [];
  for (;;) {
    if (request.signal?.aborted) {
      throw new TaxiiError(503, "the request ended before the collection was read", {}, "TIMEOUT");
    }
    const { page, next } = await held(request, collection, { ...listing, ids: [objectId] });
    found.push(...page);
    if (!next) break;
    listing.next = next;
  }
  if (!found.length) {
    throw new TaxiiError(
      404,
      `no object ${objectId} in collection ${collection.id} (${collection.alias})`,
    );
  }
  const latest = new Map<string, Stored>();
  for (const item of found) latest.set(item.object.modified, item);
  return [...latest.values()].sort((a, b) => (a.object.modified < b.object.modified ? -1 : 1));
}

/** `X-TAXII-Date-Added-First` / `-Last` of a page, when it has items. */
function dateHeaders(page: Stored[]): Record<string, string> {
  if (!page.length) return {};
  return {
    "x-taxii-date-added-first": page[0].dateAdded,
    "x-taxii-date-added-last": page[page.length - 1].dateAdded,
  };
}

async function objects(request: StixRequest, collection: Collection) {
  const { page, more, next } = await held(request, collection);
  const objects = page.map(({ object }) => object);
  return taxii({ more, next, ...(objects.length ? { objects } : {}) }, dateHeaders(page));
}

/** One object: its versions `match[version]` keeps, the last by default (TAXII 2.1 § 5.6). */
async function oneObject(request: StixRequest, collection: Collection, objectId: string) {
  const versions = await versionsOf(request, collection, objectId);
  const wanted = parseListing(request.params).versions;
  const page = versions.filter(
    ({ object }, i) =>
      wanted.includes("all") ||
      (wanted.includes("last") && i === versions.length - 1) ||
      (wanted.includes("first") && i === 0) ||
      wanted.includes(object.modified),
  );
  const objects = page.map(({ object }) => object);
  return taxii({ more: false, ...(objects.length ? { objects } : {}) }, dateHeaders(page));
}

async function manifest(request: StixRequest, collection: Collection) {
  const { page, more, next } = await held(request, collection);
  const records = page.map(({ object, dateAdded }) => ({
    id: object.id,
    date_added: dateAdded,
    version: object.modified,
    media_type: STIX_MEDIA_TYPE,
  }));
  return taxii({ more, next, ...(records.length ? { objects: records } : {}) }, dateHeaders(page));
}

async function objectVersions(request: StixRequest, collection: Collection, objectId: string) {
  const page = await versionsOf(request, collection, objectId);
  const versions = page.map(({ object }) => object.modified);
  return taxii({ more: false, versions }, dateHeaders(page));
}

const GLOBAL_ID = /^[A-Z][A-Za-z]+:[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * `/stix/<globalId>`: one record as a STIX bundle with everything it refers to;
 * `/stix/schemas/…`: the JSON Schema of the legal-action SDO.
 */
export async function stixAnswer(request: StixRequest): Promise<Answer> {
  const path = request.path.join("/");
  if (`/stix/${path}` === LEGAL_ACTION_SCHEMA_PATH) {
    if (!accepts(request.accept, "application/schema+json", ["application/json"])) {
      throw new TaxiiError(406, "the schema is application/schema+json (or application/json)");
    }
    return { mediaType: "application/schema+json", body: legalActionSchema() };
  }
  if (request.path.length !== 1) {
    throw new TaxiiError(
      404,
      `no STIX resource at /stix/${path}: ask for /stix/<globalId>, e.g. /stix/Government:cn`,
    );
  }
  if (!accepts(request.accept, STIX_MEDIA_TYPE, ["application/json"])) {
    throw new TaxiiError(
      406,
      `a record's bundle is ${STIX_MEDIA_TYPE}: the Accept header ("${request.accept}") does not admit it`,
    );
  }
  const globalId = request.path[0];
  if (!GLOBAL_ID.test(globalId)) {
    throw new TaxiiError(
      400,
      `"${globalId}" is not a global id such as "Statement:us-dos-2021-07-19-blinken-prc-cyber"`,
    );
  }
  const objects = await oneRecordObjects(request.execute, globalId);
  if (!objects) throw new TaxiiError(404, `no record ${globalId}`);
  return { mediaType: STIX_MEDIA_TYPE, body: stixBundle(objects) };
}
