import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  checkBundle,
  exportBundle,
  graphIntegrity,
  importBundle,
} from "../../../scripts/bundle-io";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

// Export, import into an empty database and export again gives an identical file; a second
// import changes nothing; a bad bundle is refused as a whole with JSON paths.
const serverUrl = inject("serverUrl");
let source: TestFederation;
let target: TestFederation;
let targetUrl: string;
beforeAll(async () => {
  source = await startTestFederation();
  targetUrl = await createDatabase(serverUrl, "import");
  await prepareDatabase(targetUrl, []);
  target = await startTestFederation(targetUrl);
});
afterAll(async () => {
  await source?.stop();
  await target?.stop();
  if (targetUrl) await dropDatabase(serverUrl, targetUrl);
});

// Export, import into an empty database, export again: identical; a re-import changes nothing.
describe("scripts > import and export > round trip", () => {
  it("round-trips the shipped dataset: export, import, export is identical, re-import is a no-op", async () => {
    const exported = await exportBundle({ url: source.gatewayUrl });
    expect(checkBundle(exported)).toEqual([]);
    expect(exported.statements!.length).toBeGreaterThan(20);
    const editor = { url: target.gatewayUrl, token: await target.token("editor") };
    const lines: string[] = [];
    const first = await importBundle(editor, exported, (line) => lines.push(line));
    expect(first.failed).toEqual([]);
    const total = [
      "governments",
      "agencies",
      "officials",
      "threatActors",
      "incidents",
      "statements",
      "persons",
      "legalActions",
    ]
      .map((key) => (exported as any)[key].length)
      .reduce((a: number, b: number) => a + b, 0);
    expect(first.created).toBe(total);
    expect(lines[0]).toMatch(new RegExp(`^\\[1/${total}\\] Government \\S+: created$`));

    const second = await importBundle(editor, exported);
    expect(second).toEqual({ created: 0, updated: 0, unchanged: total, failed: [], refused: [] });
    const again = await exportBundle({ url: target.gatewayUrl });
    expect(JSON.stringify(again, null, 2)).toBe(JSON.stringify(exported, null, 2));
  });

  it("refuses an import without an editor key, record by record, writing nothing", async () => {
    const bundle = {
      format: "attribution-graph.bundle/1",
      sources: { s: { publisher: "P", title: "T", language: "en" } },
      governments: [{ id: "xx", name: "X", kind: "STATE", sources: ["s"] }],
    } as any;
    const report = await importBundle({ url: target.gatewayUrl }, bundle);
    expect(report.failed).toEqual([
      { path: "$.governments[0]", error: expect.stringMatching(/^UNAUTHENTICATED/) },
    ]);
  });
});

// schema/bundle.schema.json is generated from the mutations' input types: a record the
// importer's check accepts is one the API accepts, and one it refuses the API refuses too.
describe("scripts > import and export > importer and API agree", () => {
  const statement = (override: Record<string, unknown>) => ({
    id: "equivalence-statement",
    kind: "PRESS_RELEASE",
    issuedAt: "2024-05",
    issuer: "us",
    language: "en",
    attributions: [{ id: "equivalence-a", incident: "x", state: "us", kind: "FORMAL" }],
    sources: ["s-agree"],
    ...override,
  });
  it.each([
    ["a valid record", {}, true],
    ["an overlong title", { title: "t".repeat(501) }, false],
    [
      "too many quotes",
      { quotes: Array.from({ length: 21 }, (_, i) => ({ text: `q${i}`, language: "en" })) },
      false,
    ],
    ["a repeated cosigner", { cosigners: ["gb", "gb"] }, false],
    ["an unknown kind", { kind: "TWEET" }, false],
    ["a date not in the calendar", { issuedAt: "2024-02-30" }, false],
    [
      "a score over 100",
      {
        attributions: [
          { id: "e-a", incident: "x", state: "us", kind: "FORMAL", confidenceScore: 101 },
        ],
      },
      false,
    ],
    [
      "an attribution blaming nobody",
      { attributions: [{ id: "e-a", incident: "x", kind: "FORMAL" }] },
      false,
    ],
    ["an unknown field", { isuedAt: "2024" }, false],
    ["no sources", { sources: [] }, false],
  ])("importer and API agree on %s", async (_label, override, valid) => {
    const record = statement(override);
    const source = { url: "https://example.org/", title: "T" };
    const problems = checkBundle({
      format: "attribution-graph.bundle/1",
      sources: { "s-agree": source },
      statements: [record],
    });
    const written = await target.query<any>(
      `mutation ($i: StatementInput!, $s: [SourceInput!]) { upsertStatement(input: $i, sources: $s) { action problems { message } } }`,
      { i: record, s: [{ key: "s-agree", ...source }] },
      { token: await target.token("editor") },
    );
    expect(problems.length === 0, problems.join("; ")).toBe(valid);
    // Refused by GraphQL itself (an error) or by the write path (problems in the payload).
    const accepted = Boolean(written.data?.upsertStatement?.action);
    expect(accepted, JSON.stringify(written.errors ?? written.data)).toBe(valid);
    if (valid) {
      await target.query(
        `mutation { deleteStatement(id: "equivalence-statement") { action } }`,
        {},
        {
          token: await target.token("editor"),
        },
      );
    }
  });
});

// Every reference is checked against the bundle and the target graph before anything is
// written: a bundle is written whole or not at all.
describe("scripts > import and export > references", () => {
  const bundle = (issuer: string) =>
    ({
      format: "attribution-graph.bundle/1",
      sources: { s: { publisher: "P", title: "T", language: "en" } },
      governments: [{ id: "whole-state", name: "Whole", kind: "STATE", sources: ["s"] }],
      statements: [
        {
          id: "whole-first",
          kind: "PRESS_RELEASE",
          issuedAt: "2024-05",
          issuer: "whole-state",
          language: "en",
          sources: ["s"],
        },
        {
          id: "whole-last",
          kind: "PRESS_RELEASE",
          issuedAt: "2024-06",
          issuer,
          language: "en",
          attributions: [
            {
              id: "whole-last-a",
              incident: "no-such-incident",
              state: "whole-state",
              kind: "FORMAL",
            },
          ],
          sources: ["s"],
        },
      ],
    }) as any;

  it("refuses a bundle whose last statement names a missing issuer, writing nothing", async () => {
    const editor = { url: target.gatewayUrl, token: await target.token("editor") };
    const report = await importBundle(editor, bundle("no-such-state"));
    expect(report.refused).toEqual([
      '$.statements[1].issuer: Government "no-such-state" does not exist (in the bundle or the graph)',
      '$.statements[1].attributions[0].incident: Incident "no-such-incident" does not exist (in the bundle or the graph)',
    ]);
    expect(report.created + report.updated + report.unchanged).toBe(0);
    const read = await target.query<any>(
      `{ governments(filter: { ids: ["whole-state"] }) { totalCount } statements(filter: { ids: ["whole-first"] }) { totalCount } }`,
    );
    expect(read.data).toEqual({ governments: { totalCount: 0 }, statements: { totalCount: 0 } });
  });

  it("accepts references to records the graph already has", async () => {
    const editor = { url: target.gatewayUrl, token: await target.token("editor") };
    const written = await importBundle(editor, { ...bundle("whole-state"), statements: [] });
    expect(written).toMatchObject({ created: 1, failed: [], refused: [] });
    const only = bundle("whole-state");
    only.statements[1].attributions = [];
    const report = await importBundle(editor, { ...only, governments: [] });
    expect(report).toMatchObject({ created: 2, failed: [], refused: [] });
  });

  it("lists the graph's dangling references by record (npm run integrity)", async () => {
    const written = await target.query<any>(
      `mutation ($i: StatementInput!) { upsertStatement(input: $i) { action problems { message } } }`,
      {
        i: {
          ...bundle("whole-state").statements[1],
          id: "whole-dangling",
          attributions: [
            {
              id: "whole-dangling-a",
              incident: "gone-incident",
              state: "whole-state",
              kind: "FORMAL",
            },
          ],
        },
      },
      { token: await target.token("editor") },
    );
    expect(written.data.upsertStatement).toEqual({ action: "CREATED", problems: [] });
    expect(await graphIntegrity({ url: target.gatewayUrl })).toEqual([
      'statements "whole-dangling" attributions[0].incident: Incident "gone-incident" does not exist',
    ]);
  });
});
