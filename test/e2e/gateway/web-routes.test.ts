import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest } from "../../../scripts/graphql-client";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

/** A web build as `npm run build` lays it out, small enough to write here. */
function webBuild(): string {
  const root = mkdtempSync(join(tmpdir(), "web-build-"));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("app/index.html", "<!doctype html><title>app</title><div id=root></div>");
  write("app/assets/index-abc123.js", "console.log('app');");
  write("graphiql/index.html", "<!doctype html><title>GraphiQL</title>");
  return root;
}

const get = (base: string, path: string, accept = "text/html") =>
  httpRequest(new URL(path, base), { headers: { accept }, redirect: "manual" });

// In production (NODE_ENV=production, INTROSPECTION unset) the gateway serves the app but
// neither GraphiQL nor Apollo Sandbox; INTROSPECTION=true brings both back.
describe("gateway > web routes in production", () => {
  const root = webBuild();
  let closed: TestFederation;
  let open: TestFederation;
  beforeAll(async () => {
    [closed, open] = await Promise.all([
      startTestFederation(undefined, { production: true, introspection: false, webRoot: root }),
      startTestFederation(undefined, { production: true, introspection: true, webRoot: root }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([closed?.stop(), open?.stop()]);
    rmSync(root, { recursive: true, force: true });
  });

  it("serves no GraphiQL and no Sandbox without INTROSPECTION=true", async () => {
    for (const path of ["/graphiql", "/graphiql/", "/graphiql/index.html"]) {
      const response = await get(closed.gatewayUrl, path);
      expect(response.text, path).not.toContain("GraphiQL");
      expect(response.status, path).toBeGreaterThanOrEqual(400);
    }
    const landing = (await get(closed.gatewayUrl, "/")).text;
    expect(landing).not.toMatch(/sandbox|graphiql/i);
  });

  it("serves GraphiQL and Sandbox (with IncidentStory and the local links) with INTROSPECTION=true", async () => {
    const graphiql = await get(open.gatewayUrl, "/graphiql");
    expect(graphiql.status).toBe(200);
    expect(graphiql.text).toContain("<title>GraphiQL</title>");
    expect(graphiql.headers.get("content-security-policy")).toContain("default-src 'self'");
    const landing = (await get(open.gatewayUrl, "/")).text;
    expect(landing).toContain("embeddable-sandbox.cdn.apollographql.com");
    expect(landing).toContain("query IncidentStory");
    expect(landing).toContain('<a href="/graphiql">GraphiQL</a>');
  });

  it("serves the app at /app/ and its index.html for deep links, but 404 for a missing asset", async () => {
    for (const path of ["/app/", "/app/incidents/microsoft-exchange-2021", "/app/actors/apt40"]) {
      const response = await get(closed.gatewayUrl, path);
      expect(response.status, path).toBe(200);
      expect(response.text, path).toContain("<title>app</title>");
      expect(response.headers.get("cache-control"), path).toBe("no-cache");
      expect(response.headers.get("content-security-policy"), path).toContain("script-src 'self'");
    }
    const asset = await get(closed.gatewayUrl, "/app/assets/index-abc123.js", "*/*");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(asset.text).toBe("console.log('app');");
    expect((await get(closed.gatewayUrl, "/app/assets/gone-123.js", "*/*")).status).toBe(404);
    expect((await get(closed.gatewayUrl, "/app")).headers.get("location")).toBe("/app/");
  });

  it("never answers a file outside the build", async () => {
    for (const path of ["/app/%2e%2e/graphiql/index.html", "/app/..%2fgraphiql/index.html"]) {
      const response = await get(closed.gatewayUrl, path);
      expect(response.status, path).toBe(400);
    }
  });
});
