import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBundle, overHttp } from "../../../scripts/bundle-io";
import { httpRequest } from "../../../scripts/graphql-client";
import { toStixBundle } from "../../../stix/bundle";
import {
  EXTENSION_DEFINITION,
  PROJECT_IDENTITY,
  PROPERTY_EXTENSION,
} from "../../../stix/extension";
import { uuidv5 } from "../../../stix/ids";
import type { StixObject } from "../../../stix/model";
import { exportRecords } from "../../../stix/read";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const TAXII = "application/taxii+json;version=2.1";
const STIX = "application/stix+json;version=2.1";
const ROOT = "taxii2/attribution-graph/";
const EVERYTHING = uuidv5("taxii-collection:everything");

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** GET `path` under the gateway as a TAXII client: `Accept` the TAXII media type. */
async function get(
  base: string,
  path: string,
  {
    accept = TAXII,
    token,
    method = "GET",
  }: { accept?: string; token?: string; method?: string } = {},
): Promise<Answer> {
  const { status, headers, text, json } = await httpRequest(new URL(path, base), {
    method,
    token,
    headers: { accept },
  });
  return { status, headers, body: text ? json : null };
}

/** Every page of a listing, following `next` until `more` is false. */
async function allPages(base: string, path: string, limit: number) {
  const pages: Answer[] = [];
  let next: string | undefined;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const page = await get(base, `${path}${separator}limit=${limit}${next ? `&next=${next}` : ""}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    pages.push(page);
    next = page.body.more ? page.body.next : undefined;
    expect(pages.length).toBeLessThan(100);
  } while (next);
  return pages;
}

const sortById = (objects: StixObject[]) => [...objects].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * Each object once, at its latest version. A page serves an object with the record it is made
 * from; an object several records make (a sector, a CVE, a state as threat actor) comes with
 * each of them, one version per record, and the export holds the latest.
 */
function latest(objects: StixObject[]): StixObject[] {
  const byId = new Map<string, StixObject>();
  for (const object of objects) {
    const known = byId.get(object.id);
    if (!known || known.modified < object.modified) byId.set(object.id, object);
  }
  return sortById([...byId.values()]);
}

/**
 * No version of an object twice in a page. (Across pages, two records changed in the same
 * millisecond can each serve the same version of an object they share: consumers keep one.)
 */
function eachVersionOnce(objects: { id: string; modified?: string; version?: string }[]) {
  const versions = objects.map((o) => `${o.id}|${o.modified ?? o.version}`);
  expect(new Set(versions).size).toBe(versions.length);
}

// A TAXII 2.1 client (OpenCTI's connector, MISP, taxii2-client) reading the gateway: discovery,
// the API root, collections, objects page by page with `limit`/`next`, `added_after`, the
// manifest, one object; media types and content negotiation; the objects are the STIX export's.
// Bad requests get a TAXII error naming the problem and change nothing.
let federation: TestFederation;
let base: string;
let expected: StixObject[];
let before: string;
beforeAll(async () => {
  // These tests read the collections whole many times a minute: a page counts as one request
  // here (the size charge has its own test below).
  federation = await startTestFederation(undefined, { limits: { taxiiObjectsPerRequest: 1000 } });
  base = federation.gatewayUrl;
  const { bundle, stamps } = await exportRecords(overHttp({ url: base }));
  before = JSON.stringify(bundle);
  expected = toStixBundle(bundle, stamps).objects;
});
afterAll(async () => {
  expect(JSON.stringify(await exportBundle({ url: base }))).toBe(before);
  await federation?.stop();
});

// Discovery, the API root, the collections, every object page by page, added_after, the manifest.
describe("stix > taxii > the read-only TAXII 2.1 server > discovery, collections and pages", () => {
  it("discovery names the API root by an absolute URL", async () => {
    const { status, headers, body } = await get(base, "taxii2/");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe(TAXII);
    expect(body).toEqual({
      title: "attribution-graph TAXII 2.1",
      description: expect.any(String),
      default: `${base}${ROOT}`,
      api_roots: [`${base}${ROOT}`],
    });
    expect((await get(base, "taxii2")).body.default).toBe(`${base}${ROOT}`);
  });

  it("the API root speaks TAXII 2.1 and states its max_content_length", async () => {
    const { status, body } = await get(base, ROOT);
    expect(status).toBe(200);
    expect(body).toMatchObject({ title: "attribution-graph", versions: [TAXII] });
    expect(body.max_content_length).toBe(1024 * 1024);
  });

  it("lists everything and one collection per source, readable, not writable, STIX 2.1", async () => {
    const { body } = await get(base, `${ROOT}collections/`);
    expect(body.collections.map((c: any) => c.alias)).toEqual([
      "everything",
      "governments",
      "incidents",
      "legal-actions",
    ]);
    for (const collection of body.collections) {
      expect(collection).toMatchObject({ can_read: true, can_write: false, media_types: [STIX] });
      expect(collection.id).toBe(uuidv5(`taxii-collection:${collection.alias}`));
      expect((await get(base, `${ROOT}collections/${collection.id}/`)).body).toEqual(collection);
      expect((await get(base, `${ROOT}collections/${collection.alias}/`)).body).toEqual(collection);
    }
  });

  it("pages through everything with limit and next: the export's objects, in date_added order", async () => {
    const pages = await allPages(base, `${ROOT}collections/${EVERYTHING}/objects/`, 37);
    const served: StixObject[] = pages.flatMap((page) => page.body.objects);
    for (const page of pages) eachVersionOnce(page.body.objects);
    expect(latest(served)).toEqual(sortById(expected));
    // date_added is the version's modified (the record's recordTime.updatedAt): never decreasing.
    const order = served.map((object) => object.modified);
    expect(order).toEqual([...order].sort());
    for (const page of pages) {
      expect(page.headers.get("content-type")).toBe(TAXII);
      expect(page.body.objects.length).toBeLessThanOrEqual(37);
      expect(page.headers.get("x-taxii-date-added-first")).toBe(page.body.objects[0].modified);
      expect(page.headers.get("x-taxii-date-added-last")).toBe(page.body.objects.at(-1).modified);
    }
    expect(pages.at(-1)!.body.more).toBe(false);
    expect(pages.at(-1)!.body.next).toBeUndefined();
  });

  it("keeps only what was added after added_after (date_added is the object's modified)", async () => {
    const dates = [...new Set(expected.map((object) => object.modified))].sort();
    const cut = dates[Math.floor(dates.length / 2)];
    const pages = await allPages(
      base,
      `${ROOT}collections/everything/objects/?added_after=${cut}`,
      100,
    );
    const served: StixObject[] = pages.flatMap((page) => page.body.objects ?? []);
    expect(served.every((object) => object.modified > cut)).toBe(true);
    expect(latest(served)).toEqual(sortById(expected.filter((object) => object.modified > cut)));
    expect(served.length).toBeGreaterThan(0);
    const after = await get(
      base,
      `${ROOT}collections/everything/objects/?added_after=2100-01-01T00:00:00Z`,
    );
    expect(after.body).toEqual({ more: false });
  });

  it("ends a page inside one record's objects and goes on after the last one served", async () => {
    // The last dozen records of the incidents collection: campaigns with their relationships.
    const whole = await allPages(base, `${ROOT}collections/incidents/manifest/`, 1000);
    const dates = [...new Set(whole.flatMap((p) => p.body.objects.map((o: any) => o.date_added)))];
    const cut = (dates as string[]).sort().at(-13)!;
    const path = `${ROOT}collections/incidents/objects/?added_after=${cut}`;
    const atOnce = (await allPages(base, path, 1000)).flatMap((p) => p.body.objects ?? []);
    expect(atOnce.length).toBeGreaterThan(12);
    const byTwo = await allPages(base, path, 2);
    for (const page of byTwo) expect(page.body.objects.length).toBeLessThanOrEqual(2);
    expect(byTwo.flatMap((p) => p.body.objects)).toEqual(atOnce);
  });

  it("gives the manifest: id, date_added, version and media type of each object, paged", async () => {
    const pages = await allPages(base, `${ROOT}collections/everything/manifest/`, 150);
    const records = pages.flatMap((page) => page.body.objects);
    for (const page of pages) eachVersionOnce(page.body.objects);
    const byId = new Map(expected.map((object) => [object.id, object]));
    const last = new Map<string, string>();
    for (const record of records) {
      expect(record).toEqual({
        id: expect.any(String),
        date_added: record.version,
        version: expect.any(String),
        media_type: STIX,
      });
      expect(record.version <= byId.get(record.id)!.modified).toBe(true);
      if ((last.get(record.id) ?? "") < record.version) last.set(record.id, record.version);
    }
    expect(last).toEqual(new Map(expected.map((object) => [object.id, object.modified])));
  });
});

/** Subgraph requests the gateway has made so far (its `subgraph_fetch_duration_seconds`). */
async function subgraphRequests(base: string): Promise<number> {
  const { text } = await httpRequest(new URL("metrics", base));
  return [...text.matchAll(/^subgraph_fetch_duration_seconds_count\{[^}]*\} (\d+)$/gm)].reduce(
    (sum, [, count]) => sum + Number(count),
    0,
  );
}

// A page reads only what it serves: the collection's positions, those records, what they name.
describe("stix > taxii > the read-only TAXII 2.1 server > cost by the page", () => {
  it("reads a page, a manifest page and one record with a bounded number of subgraph requests", async () => {
    const cost = async (path: string, accept = TAXII) => {
      const before = await subgraphRequests(base);
      const answer = await get(base, path, { accept });
      expect(answer.status, path).toBe(200);
      return (await subgraphRequests(base)) - before;
    };
    const objects = `${ROOT}collections/${EVERYTHING}/objects/`;
    const first = await get(base, `${objects}?limit=100`);
    // Three operations (positions, records, what they name), one request per subgraph each.
    for (const path of [
      `${objects}?limit=1`,
      `${objects}?limit=100`,
      `${objects}?limit=1000`,
      `${objects}?limit=100&next=${first.body.next}`,
      `${ROOT}collections/governments/manifest/?limit=100`,
    ]) {
      const requests = await cost(path);
      expect(requests, path).toBeGreaterThan(0);
      expect(requests, path).toBeLessThanOrEqual(9);
    }
    // One record: it, then what it names, round by round.
    expect(
      await cost("stix/Statement:us-dos-2021-07-19-blinken-prc-cyber", STIX),
    ).toBeLessThanOrEqual(12);
    const before = await subgraphRequests(base);
    expect((await get(base, "stix/Government:nope", { accept: STIX })).status).toBe(404);
    expect((await subgraphRequests(base)) - before).toBeLessThanOrEqual(1);
  });
});

// Each source's collection, one object and its versions, match[] filters, content negotiation.
describe("stix > taxii > the read-only TAXII 2.1 server > sources, objects and media types", () => {
  it("splits the objects by source: each collection holds its records' objects", async () => {
    const held: Record<string, StixObject[]> = {};
    for (const alias of ["governments", "incidents", "legal-actions"]) {
      const pages = await allPages(base, `${ROOT}collections/${alias}/objects/`, 1000);
      held[alias] = pages.flatMap((page) => page.body.objects);
      expect(held[alias].map((o) => o.id)).toContain(PROJECT_IDENTITY.id);
      expect(held[alias].map((o) => o.id)).toContain(PROPERTY_EXTENSION.id);
    }
    const types = (alias: string) => new Set(held[alias].map((object) => object.type));
    // Every collection carries the definition of the project's property extension.
    expect(types("governments")).toEqual(
      new Set([
        "extension-definition",
        "identity",
        "location",
        "threat-actor",
        "report",
        "relationship",
      ]),
    );
    // A state an intrusion set is said to be sponsored by acts as a threat actor there too.
    expect(types("incidents")).toEqual(
      new Set([
        "extension-definition",
        "identity",
        "threat-actor",
        "intrusion-set",
        "campaign",
        "vulnerability",
        "relationship",
      ]),
    );
    expect(types("legal-actions")).toEqual(
      new Set([
        "identity",
        "extension-definition",
        "x-attribution-graph-legal-action",
        "relationship",
      ]),
    );
    const union = new Set(Object.values(held).flatMap((objects) => objects.map((o) => o.id)));
    expect(union.size).toBe(expected.length);
  });

  it("gets one object by id, with its versions; filters with match[type] and match[id]", async () => {
    const report = expected.find((object) => object.type === "report")!;
    const one = await get(base, `${ROOT}collections/everything/objects/${report.id}/`);
    expect(one.status).toBe(200);
    expect(one.headers.get("content-type")).toBe(TAXII);
    expect(one.body).toEqual({ more: false, objects: [report] });
    const versions = await get(
      base,
      `${ROOT}collections/everything/objects/${report.id}/versions/`,
    );
    expect(versions.body).toEqual({ more: false, versions: [report.modified] });
    const inOther = await get(base, `${ROOT}collections/legal-actions/objects/${report.id}/`);
    expect(inOther.status).toBe(404);
    const typed = await allPages(
      base,
      `${ROOT}collections/everything/objects/?match[type]=report,campaign`,
      1000,
    );
    // A page reads records, then keeps the objects the filters match: some pages hold none.
    const objectsOf = (pages: Answer[]): StixObject[] =>
      pages.flatMap((page) => page.body.objects ?? []);
    expect(new Set(objectsOf(typed).map((o) => o.type))).toEqual(new Set(["report", "campaign"]));
    const byIds = await allPages(
      base,
      `${ROOT}collections/everything/objects/?match[id]=${report.id},${EXTENSION_DEFINITION.id}`,
      1000,
    );
    expect(
      objectsOf(byIds)
        .map((o) => o.id)
        .sort(),
    ).toEqual([report.id, EXTENSION_DEFINITION.id].sort());
    const other = await allPages(
      base,
      `${ROOT}collections/everything/objects/?match[spec_version]=2.0`,
      1000,
    );
    expect(objectsOf(other)).toEqual([]);
  });

  it("honours Accept: TAXII 2.1 or a wildcard; anything else is 406 as a TAXII error", async () => {
    for (const accept of [TAXII, "application/taxii+json", "*/*", "application/*"]) {
      expect((await get(base, ROOT, { accept })).status).toBe(200);
    }
    for (const accept of [
      "application/json",
      "application/taxii+json;version=2.0",
      STIX,
      "text/html",
    ]) {
      const refused = await get(base, `${ROOT}collections/everything/objects/`, { accept });
      expect(refused.status, accept).toBe(406);
      expect(refused.headers.get("content-type")).toBe(TAXII);
      expect(refused.body).toMatchObject({ title: "Not Acceptable", http_status: "406" });
      expect(refused.body.description).toContain(TAXII);
    }
  });
});

// Keys as GraphQL checks them; bad requests answered with a TAXII error naming the problem.
describe("stix > taxii > the read-only TAXII 2.1 server > keys and bad requests", () => {
  it("authenticates like GraphQL: a bad key is 401, a reader key reads", async () => {
    const refused = await get(base, `${ROOT}collections/`, { token: "ag_not-a-real-key" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe(TAXII);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(refused.body).toMatchObject({
      title: "Unauthorized",
      http_status: "401",
      error_code: "UNAUTHENTICATED",
      description: "the API key is unknown or revoked",
    });
    const reader = await federation.token("reader");
    const page = await get(base, `${ROOT}collections/everything/objects/?limit=5`, {
      token: reader,
    });
    expect(page.status).toBe(200);
    expect(page.body.objects).toHaveLength(5);
  });

  it("answers bad input with a precise TAXII error", async () => {
    const objects = `${ROOT}collections/everything/objects/`;
    const cases: [string, number, RegExp][] = [
      [
        `${ROOT}collections/no-such-collection/objects/`,
        404,
        /^no collection "no-such-collection": the collections are /,
      ],
      [`${objects}?added_after=yesterday`, 400, /^added_after: "yesterday" is not a timestamp/],
      [`${objects}?added_after=2021-02-30T00:00:00Z`, 400, /^added_after: /],
      [`${objects}?limit=0`, 400, /^limit: must be an integer from 1 to 1000, got "0"/],
      [`${objects}?limit=1001`, 400, /^limit: must be an integer from 1 to 1000, got "1001"/],
      [`${objects}?limit=ten`, 400, /^limit: /],
      [`${objects}?limit=5&limit=6`, 400, /^limit: given more than once/],
      [
        `${objects}?next=bm90IGEgdG9rZW4`,
        400,
        /^next: "bm90IGEgdG9rZW4" is not a token this server gave/,
      ],
      [
        `${objects}?next=${Buffer.from('{"c":{"Government":"not-a-cursor"}}').toString("base64url")}`,
        400,
        /^next: ".*" is not a token this server gave/,
      ],
      [`${objects}?match[colour]=red`, 400, /^match\[colour\]: not a filter of this server/],
      [`${objects}?match[id]=apt40`, 400, /^match\[id\]: "apt40" is not a STIX identifier/],
      [`${objects}?match[version]=latest`, 400, /^match\[version\]: "latest" is not a version/],
      [
        `${objects}identity--00000000-0000-4000-8000-000000000000/`,
        404,
        /^no object identity--00000000-0000-4000-8000-000000000000 in collection /,
      ],
      [`${objects}not-an-id/`, 400, /^"not-an-id" is not a STIX identifier/],
      ["taxii2/another-root/", 404, /^no API root "another-root"/],
      [`${ROOT}status/1234/`, 404, /read-only/],
      [`${ROOT}collections/everything/what/`, 404, /^no TAXII endpoint at /],
    ];
    for (const [path, status, description] of cases) {
      const answer = await get(base, path);
      expect(answer.status, path).toBe(status);
      expect(answer.headers.get("content-type")).toBe(TAXII);
      expect(answer.body, path).toMatchObject({ http_status: String(status) });
      expect(answer.body.title, path).toEqual(expect.any(String));
      expect(answer.body.description, path).toMatch(description);
    }
    const posted = await get(base, objects, { method: "POST" });
    expect(posted.status).toBe(405);
    expect(posted.headers.get("allow")).toBe("GET, HEAD");
    expect(posted.body).toMatchObject({ http_status: "405" });
  });
});

// ANONYMOUS_READS=false and a small rate limit: the TAXII server refuses exactly as GraphQL does.
describe("stix > taxii > behind the gateway's authentication rules and rate limit", () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation(undefined, {
      anonymousReads: false,
      limits: { rateLimitPerMinute: 4 },
    });
  });
  afterAll(async () => {
    await federation?.stop();
  });

  it("needs a key without anonymous reads, then counts requests per address", async () => {
    const base = federation.gatewayUrl;
    const anonymous = await get(base, ROOT);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ http_status: "401", error_code: "UNAUTHENTICATED" });
    expect(anonymous.body.description).toMatch(/an API key is required/);
    const token = await federation.token("reader");
    expect((await get(base, ROOT, { token })).status).toBe(200);
    expect((await get(base, `${ROOT}collections/`, { token })).status).toBe(200);
    expect((await get(base, "taxii2/", { token })).status).toBe(200);
    const limited = await get(base, ROOT, { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe(TAXII);
    expect(limited.body).toMatchObject({ http_status: "429", error_code: "RATE_LIMITED" });
  });
});

// A page counts by the objects it may hold: one request per TAXII_OBJECTS_PER_REQUEST of `limit`.
describe("stix > taxii > pages counted by their size in the rate limit", () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation(undefined, {
      limits: { rateLimitPerMinute: 25, taxiiObjectsPerRequest: 10 },
    });
  });
  afterAll(async () => {
    await federation?.stop();
  });

  it("counts a page of 100 objects as 10 requests: the third in a minute passes 25", async () => {
    const objects = `${ROOT}collections/${EVERYTHING}/objects/?limit=100`;
    expect((await get(federation.gatewayUrl, objects)).status).toBe(200);
    expect((await get(federation.gatewayUrl, objects)).status).toBe(200);
    const limited = await get(federation.gatewayUrl, objects);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ http_status: "429", error_code: "RATE_LIMITED" });
    expect(limited.body.description).toBe(
      "rate limit of 25 requests per minute exceeded (this request counts as 10)",
    );
  });
});
