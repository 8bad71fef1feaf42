import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { projectPath } from "../../platform/paths";
import { MAX_OBJECTS, type StixIn, StixInputError, checkObjects, isObject } from "./read";

export const TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";
/** Objects asked for per page; a server may send fewer (TAXII 2.1 § 3.4.1). */
const PAGE_LIMIT = 500;
/** One envelope's bytes; a server that sends more is refused. */
const MAX_PAGE_BYTES = 50 * 1024 * 1024;

/** Where each followed collection's last `date_added` is remembered, by collection URL. */
export const STATE_FILE = projectPath(".data", "stix-in-state.json");

export interface CollectionRead {
  objects: StixIn[];
  /** The latest `date_added` seen (X-TAXII-Date-Added-Last), to ask after next time. */
  lastAdded: string | null;
  pages: number;
}

/** The objects URL of a collection URL (`.../collections/<id>/`). */
export function objectsUrl(collection: string): URL {
  const url = new URL(collection);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  if (!url.pathname.endsWith("/objects/")) url.pathname += "objects/";
  return url;
}

/** Waits a 429 answer's `Retry-After` (at most a minute) this many times for one page. */
const RATE_LIMIT_RETRIES = 5;

/** GETs one page, waiting out the server's rate limit as its `Retry-After` asks. */
async function fetchPage(url: URL, token: string | undefined, log?: (line: string) => void) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(url, {
      headers: {
        accept: TAXII_MEDIA_TYPE,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
    if (response.status !== 429 || attempt === RATE_LIMIT_RETRIES) return response;
    await response.body?.cancel();
    const seconds = Math.min(60, Math.max(1, Number(response.headers.get("retry-after")) || 1));
    log?.(`rate limited by the server: waiting ${seconds} s (Retry-After)`);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

/**
 * Every object a TAXII 2.1 collection added after `addedAfter`, page by page: `next` while the
 * envelope says `more`, the last page's `X-TAXII-Date-Added-Last` kept for the next run.
 */
export async function readCollection(
  collection: string,
  options: { token?: string; addedAfter?: string | null; log?: (line: string) => void },
): Promise<CollectionRead> {
  const objects: StixIn[] = [];
  let lastAdded = options.addedAfter ?? null;
  let next: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const url = objectsUrl(collection);
    url.searchParams.set("limit", String(PAGE_LIMIT));
    if (options.addedAfter) url.searchParams.set("added_after", options.addedAfter);
    if (next) url.searchParams.set("next", next);
    const response = await fetchPage(url, options.token, options.log);
    const text = await response.text();
    if (!response.ok) {
      throw new StixInputError(`${url.href}: HTTP ${response.status} ${text.slice(0, 200)}`);
    }
    if (text.length > MAX_PAGE_BYTES) {
      throw new StixInputError(
        `${url.href}: a page of ${text.length} bytes, over ${MAX_PAGE_BYTES}`,
      );
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch {
      throw new StixInputError(`${url.href}: not JSON: ${text.slice(0, 100)}`);
    }
    if (
      !isObject(envelope) ||
      (envelope.objects !== undefined && !Array.isArray(envelope.objects))
    ) {
      throw new StixInputError(`${url.href}: not a TAXII 2.1 envelope`);
    }
    const page = checkObjects((envelope.objects as unknown[]) ?? [], `${url.href}: objects`);
    objects.push(...page);
    if (objects.length > MAX_OBJECTS) {
      throw new StixInputError(`${collection}: over ${MAX_OBJECTS} objects in one run`);
    }
    const last = response.headers.get("x-taxii-date-added-last");
    if (last && (!lastAdded || last > lastAdded)) lastAdded = last;
    options.log?.(`page ${pages}: ${page.length} objects${last ? `, added up to ${last}` : ""}`);
    if (envelope.more !== true || !page.length) return { objects, lastAdded, pages };
    if (typeof envelope.next !== "string") {
      throw new StixInputError(`${url.href}: "more" without "next": cannot ask for the rest`);
    }
    next = envelope.next;
  }
}

type State = Record<string, { lastAdded: string }>;

export function readState(file = STATE_FILE): State {
  try {
    const state: unknown = JSON.parse(readFileSync(file, "utf8"));
    return isObject(state) ? (state as State) : {};
  } catch {
    return {};
  }
}

/** Written whole then renamed: a crash leaves the previous state, never half a file. */
export function rememberCollection(collection: string, lastAdded: string, file = STATE_FILE) {
  const state = readState(file);
  state[collection] = { lastAdded };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
