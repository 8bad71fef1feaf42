import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

export interface StaticSite {
  /** The folder served: a Vite build, index.html and content-hashed files under assets/. */
  root: string;
  /** The URL path it is served at, with a trailing slash: "/app/". */
  base: string;
  /** Paths that name no file answer index.html (client-side routes) instead of 404. */
  spaFallback: boolean;
  /** Headers of HTML answers (Content-Security-Policy). */
  htmlHeaders?: Record<string, string>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest)|image\/svg|font\/ttf)/;
/** Vite names what it builds under assets/ by content hash: a new build, a new name. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** Compressed files kept in memory: a build's worth (files of older builds go on overflow). */
const MAX_GZIPPED = 500;

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Serves a built site under `base`: files with their content type, hashed assets cached for a
 * year, everything else (index.html) revalidated on each use, ETags, gzip, and no way out of
 * `root` (encoded dots, backslashes and NUL bytes included).
 */
export function serveStatic(site: StaticSite): Route {
  const root = resolve(site.root);
  const gzipped = new Map<string, Buffer>();
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return plain(res, 405, "method not allowed");
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === site.base.slice(0, -1)) {
      res.setHeader("location", site.base + url.search);
      return plain(res, 308, `see ${site.base}`);
    }
    const segments = pathSegments(url.pathname.slice(site.base.length));
    if (!segments) return plain(res, 400, "bad path");
    const requested = segments.length === 0 ? ["index.html"] : segments;
    let file = join(root, ...requested);
    if (!file.startsWith(root + sep)) return plain(res, 400, "bad path");
    let info = await stat(file).catch(() => undefined);
    if (!info?.isFile() && site.spaFallback && looksLikePage(requested, req)) {
      file = join(root, "index.html");
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) {
      const built = await stat(join(root, "index.html")).catch(() => undefined);
      return plain(res, 404, built ? "not found" : "not built: run `npm run build`");
    }
    const type = CONTENT_TYPES[extname(file)] ?? "application/octet-stream";
    const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    res.setHeader("content-type", type);
    res.setHeader("etag", etag);
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("cache-control", requested[0] === "assets" ? IMMUTABLE : "no-cache");
    if (type.startsWith("text/html")) {
      for (const [name, value] of Object.entries(site.htmlHeaders ?? {}))
        res.setHeader(name, value);
    }
    if (req.headers["if-none-match"] === etag) {
      res.statusCode = 304;
      return void res.end();
    }
    let body: Buffer = await readFile(file);
    if (COMPRESSIBLE.test(type) && body.length > 1024) {
      res.setHeader("vary", "accept-encoding");
      if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        const key = `${file}:${etag}`;
        if (!gzipped.has(key) && gzipped.size >= MAX_GZIPPED) gzipped.clear();
        body = gzipped.get(key) ?? gzipped.set(key, gzipSync(body)).get(key)!;
        res.setHeader("content-encoding", "gzip");
      }
    }
    res.statusCode = 200;
    res.setHeader("content-length", body.length);
    res.end(req.method === "HEAD" ? undefined : body);
  };
}

/** The decoded segments of a relative URL path; undefined for any that could leave the root. */
function pathSegments(relative: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of relative.split("/")) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === "") continue;
    if (segment === "." || segment === ".." || /[/\\\0]/.test(segment)) return undefined;
    if (segment.startsWith(".")) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** A client-side route (/app/incidents/x) rather than a missing file (/app/assets/x.js). */
function looksLikePage(segments: string[], req: IncomingMessage): boolean {
  if (segments[0] === "assets") return false;
  const last = segments[segments.length - 1] ?? "";
  return !extname(last) || String(req.headers.accept ?? "").includes("text/html");
}

function plain(res: ServerResponse, status: number, text: string) {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(text);
}
