import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertAll } from "../../../scripts/misp/gateway";
import { citedEntries } from "../../../platform/bundle";

const entry = (title: string) => ({
  url: `https://example.org/${title}`,
  title,
  publisher: null,
  publishedAt: null,
  language: null,
  excerpt: null,
});

// The MISP and STIX connectors send with each upsert exactly the sources its record cites,
// whatever their keys look like: a curated key the connector read back, an alias's `source`
// in a translation, never a key of its own that the record no longer cites.
describe("scripts > connector writes > sources sent", () => {
  let server: Server;
  let url: string;
  const bodies: { variables: Record<string, unknown> }[] = [];
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      bodies.push(JSON.parse(body));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { r0: { action: "UPDATED", problems: [] } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("sends the cited sources, curated or not, and only those", async () => {
    const record = {
      id: "apt40",
      sources: ["misp-galaxy", "mandiant-apt40"],
      aliases: [{ name: "Leviathan", sources: ["stix-report-1"] }],
      description: { translations: [{ language: "fr", source: "curated-fr" }] },
    };
    const sources = {
      "misp-galaxy": entry("galaxy"),
      "mandiant-apt40": entry("mandiant"),
      "stix-report-1": entry("report"),
      "curated-fr": entry("fr"),
      "misp-ref-stale": entry("stale"),
    };
    const results = await upsertAll({ url }, "ThreatActor", [{ record, sources }]);
    expect(results).toEqual([{ action: "UPDATED" }]);
    const sent = bodies.at(-1)!.variables.s0 as { key: string }[];
    expect(sent.map((s) => s.key)).toEqual([
      "misp-galaxy",
      "mandiant-apt40",
      "stix-report-1",
      "curated-fr",
    ]);
    expect(sent[1]).toEqual({ key: "mandiant-apt40", ...entry("mandiant") });
  });

  it("leaves a cited key the write does not define to the stored source", () => {
    const record = { id: "x", sources: ["stored-only", "given"] };
    expect(citedEntries(record, { given: entry("given") })).toEqual([
      { key: "given", ...entry("given") },
    ]);
  });
});
