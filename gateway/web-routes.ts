import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { projectPath } from "../platform/paths";
import { serveStatic } from "./static-files";

/** Where `npm run build` writes the web build (web/vite.*.config.mts). */
export const WEB_ROOT = projectPath("dist", "web");

// Nothing but this origin: the app and GraphiQL bundle their scripts, styles and fonts.
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
// Monaco, GraphiQL's editor, writes <style> elements and runs its language services in workers.
const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The reference app at /app/ (deep links answer its index.html), and GraphiQL at /graphiql
 * when introspection is on (development, or INTROSPECTION=true), as `serveGraphQL` routes.
 */
export function webRoutes(options: { introspection: boolean; root?: string }) {
  const root = options.root ?? WEB_ROOT;
  const app = serveStatic({
    root: join(root, "app"),
    base: "/app/",
    spaFallback: true,
    htmlHeaders: { "content-security-policy": APP_CSP, "referrer-policy": "no-referrer" },
  });
  const routes: Record<string, Route> = { "/app": app, "/app/*": app };
  if (options.introspection) {
    const graphiql = serveStatic({
      root: join(root, "graphiql"),
      base: "/graphiql/",
      spaFallback: false,
      htmlHeaders: { "content-security-policy": GRAPHIQL_CSP, "referrer-policy": "no-referrer" },
    });
    // "/graphiql" itself answers the page: its assets are addressed from /graphiql/.
    routes["/graphiql"] = (req, res) => {
      req.url = `/graphiql/${new URL(req.url ?? "/", "http://localhost").search}`;
      return graphiql(req, res);
    };
    routes["/graphiql/*"] = graphiql;
  }
  return routes;
}
