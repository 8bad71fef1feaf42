import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uuidv5 } from "../../../stix/ids";
import {
  createDatabase,
  datasetDatabase,
  dropDatabase,
  prepareDatabase,
} from "../../../harness/database";
import { buildServer } from "../../helpers/build";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import { type Snapshot, doneCounts, everyRecord, importStix, runCli } from "../../helpers/stix-in";

// Point 7 of issue 20: the shipped dataset's whole STIX export, read back by import:stix into an
// empty federation, gives the same records; read again from the first federation's own TAXII
// server it changes nothing, and a later run asks only for what was added since.
const serverUrl = inject("serverUrl");
const dir = mkdtempSync(join(tmpdir(), "attribution-graph-stix-round-trip-"));
let source: TestFederation;
let target: TestFederation;
let sourceUrl: string;
let targetUrl: string;
let token: string;

beforeAll(async () => {
  await buildServer();
  // Its own copy of the dataset: it writes to it, and other files read the shared one meanwhile.
  sourceUrl = await datasetDatabase(serverUrl, "stix_round_trip_source");
  source = await startTestFederation(sourceUrl);
  targetUrl = await createDatabase(serverUrl, "stix_round_trip");
  await prepareDatabase(targetUrl, []);
  target = await startTestFederation(targetUrl);
  token = await target.token("editor");
}, 180_000);
afterAll(async () => {
  await source?.stop();
  await target?.stop();
  if (targetUrl) await dropDatabase(serverUrl, targetUrl);
  if (sourceUrl) await dropDatabase(serverUrl, sourceUrl);
});

/** The kinds the connector maps, as root lists. */
const LISTS = [
  "governments",
  "agencies",
  "officials",
  "threatActors",
  "incidents",
  "persons",
  "legalActions",
  "statements",
];

/**
 * A record as STIX carries it: source keys are the exporter's own (STIX keeps the source, not
 * its key), so each cited key is read as its source, and the sources a timeline event cites are
 * among its incident's; STIX relationships have no order, so the lists they carry are compared
 * as sets; excerpts are not in STIX.
 */
function comparable({ record, sources }: Snapshot) {
  const source = (key: string) => {
    return JSON.stringify({ ...sources[key], excerpt: undefined });
  };
  const sorted = (list?: string[]) => (list ? [...list].sort() : list);
  return {
    ...record,
    // STIX lists every source a record cites, its timeline's, a person's names' and
    // affiliations' too, as one list.
    sources: sorted([
      ...new Set(
        [
          ...record.sources,
          ...[
            ...(record.timeline ?? []),
            ...(record.names ?? []),
            ...(record.affiliations ?? []),
          ].flatMap((item: any) => item.sources ?? []),
        ].map(source),
      ),
    ]),
    aliases: record.aliases?.map((a: any) =>
      typeof a === "string" ? a : { ...a, sources: a.sources?.map(source) },
    ),
    suspectedOrigin: record.suspectedOrigin && {
      ...record.suspectedOrigin,
      sources: record.suspectedOrigin.sources?.map(source),
    },
    targetedCountries: sorted(record.targetedCountries),
    targetCategories: sorted(record.targetCategories),
    sectors: sorted(record.sectors),
    cves: sorted(record.cves),
    suspectedActors: sorted(record.suspectedActors),
    memberOf: sorted(record.memberOf),
    names: record.names?.map((n: any) => ({ ...n, sources: n.sources?.map(source) })),
    // The export carries an affiliation's sources on its relationship, made only to an actor or
    // an agency: an employer alone keeps none.
    affiliations: record.affiliations?.map((a: any) => ({
      ...a,
      sources: a.actor || a.agency ? a.sources?.map(source) : undefined,
    })),
    timeline: record.timeline?.map((e: any) => ({ date: e.date, description: e.description })),
    quotes: record.quotes?.map((q: any) => ({
      ...q,
      translations: q.translations?.map((t: any) => ({
        ...t,
        source: t.source ? source(t.source) : t.source,
      })),
    })),
    // A statement's attributions are relationships: no order.
    attributions: record.attributions
      ? [...record.attributions].sort((a: any, b: any) => a.id.localeCompare(b.id))
      : undefined,
  };
}

describe("scripts > STIX connector > round trip (export --format stix, import:stix)", () => {
  it("gives the same records from the export file, and a second run writes nothing", async () => {
    const file = join(dir, "export.stix.json");
    const exported = await runCli("export", [file, "--format", "stix", "--url", source.gatewayUrl]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).type).toBe("bundle");
    const first = await importStix(target, token, [file, "--progress", "1000"]);
    expect(first.code, first.stderr + first.stdout.slice(-4000)).toBe(0);
    expect(doneCounts(first.stdout)).toMatchObject({
      updated: 0,
      enriched: 0,
      unchanged: 0,
      failed: 0,
    });
    // This project's reports are its statements: none is left unread.
    expect(first.stdout).not.toMatch(/not mapped:[^]*\breports?\b/);
    for (const list of LISTS) {
      const [was, now] = [await everyRecord(source, list), await everyRecord(target, list)];
      expect([...now.keys()].sort(), list).toEqual([...was.keys()].sort());
      for (const [id, record] of was) {
        expect.soft(comparable(now.get(id)!), `${list} ${id}`).toEqual(comparable(record));
      }
    }
    const second = await importStix(target, token, [file, "--progress", "1000"]);
    expect(second.code, second.stderr).toBe(0);
    const counts = doneCounts(second.stdout);
    expect(counts).toMatchObject({ created: 0, updated: 0, enriched: 0, failed: 0 });
    expect(counts.unchanged).toBe(counts.records);
  }, 240_000);

  it("reads the first federation's TAXII collection: nothing new, then only what was added", async () => {
    const everything = uuidv5("taxii-collection:everything");
    const collection = `${source.gatewayUrl}taxii2/attribution-graph/collections/${everything}/`;
    const state = join(dir, "state.json");
    const run = await importStix(target, token, [
      collection,
      "--state",
      state,
      "--progress",
      "1000",
    ]);
    expect(run.code, run.stderr + run.stdout.slice(-3000)).toBe(0);
    const counts = doneCounts(run.stdout);
    expect(counts.records).toBeGreaterThan(100);
    expect(counts.unchanged).toBe(counts.records);
    const remembered = JSON.parse(readFileSync(state, "utf8"));
    expect(remembered[collection].lastAdded).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const next = await importStix(target, token, [collection, "--state", state]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain(`objects added after ${remembered[collection].lastAdded}`);
    expect(doneCounts(next.stdout)).toMatchObject({
      created: 0,
      updated: 0,
      enriched: 0,
      failed: 0,
    });

    // A record the first federation gains later is all the next run reads and writes.
    const written = await source.query(
      /* GraphQL */ `
        mutation NewActor($input: ThreatActorInput!, $sources: [SourceInput!]) {
          upsertThreatActor(input: $input, sources: $sources) {
            action
          }
        }
      `,
      {
        input: {
          id: "round-trip-newcomer",
          name: "Round Trip Newcomer",
          kind: "UNKNOWN",
          sources: ["rt"],
        },
        sources: [
          { key: "rt", title: "A later report", publisher: "P", publishedAt: "2026-12-05" },
        ],
      },
      { token: await source.token("editor") },
    );
    expect(written.errors).toBeUndefined();
    const later = await importStix(target, token, [collection, "--state", state]);
    expect(later.code, later.stderr + later.stdout).toBe(0);
    expect(later.stdout).toMatch(/: [1-9] objects \(/);
    expect(doneCounts(later.stdout)).toMatchObject({ records: 1, created: 1, failed: 0 });
    const copied = await everyRecord(target, "threatActors");
    expect(copied.get("round-trip-newcomer")?.record.name).toBe("Round Trip Newcomer");
  }, 240_000);
});
