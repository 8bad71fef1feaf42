import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { datasetDatabase, dropDatabase } from "../../../harness/database";
import { projectPath } from "../../../platform/paths";
import { overHttp } from "../../../scripts/bundle-io";
import { toStixBundle } from "../../../stix/bundle";
import { stixId, uuidv5 } from "../../../stix/ids";
import type { StixObject } from "../../../stix/model";
import { exportRecords } from "../../../stix/read";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const run = promisify(execFile);

/** Debian's interpreter, which sees python3-requests, -six and -tz (.ci/run installs them). */
const PYTHON = "/usr/bin/python3";
const CLIENT = projectPath("test", "tools", "cti-taxii-client");
const available =
  existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import requests, six, pytz"]).status === 0;
const MISSING = `${PYTHON} with requests, six and pytz (apt-get install python3-requests python3-six python3-tz)`;
// .ci/run sets REQUIRE_TAXII_CLIENT_TESTS: there a missing interpreter fails the run.
if (!available && process.env.REQUIRE_TAXII_CLIENT_TESTS) throw new Error(`no ${MISSING}`);
if (!available) console.warn(`\ntaxii2-client tests skipped: no ${MISSING}\n`);

/** `taxii2client-run.py command ...args` with the OASIS client on its path: what it saw. */
async function client<T>(...args: string[]): Promise<T> {
  const { stdout } = await run(
    PYTHON,
    [projectPath("test", "tools", "taxii2client-run.py"), ...args],
    {
      env: { PATH: process.env.PATH, PYTHONPATH: CLIENT },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as T;
}

interface Read {
  title: string;
  api_roots: string[];
  root_versions: string[];
  collections: { id: string; title: string; url: string }[];
  pages: number;
  objects: StixObject[];
  manifest: { id: string; date_added: string; version: string }[];
  one: { objects: StixObject[] };
}

/** Each object once, at its latest version (a shared object comes with each record naming it). */
function latest(objects: StixObject[]): Map<string, StixObject> {
  const byId = new Map<string, StixObject>();
  for (const object of objects) {
    const known = byId.get(object.id);
    if (!known || known.modified < object.modified) byId.set(object.id, object);
  }
  return byId;
}

// OASIS's reference TAXII 2.1 client (taxii2-client 2.3.0, test/tools/cti-taxii-client), as a CTI
// integrator runs it: discovery, the API root, collections, every object with as_pages, one
// object, the manifest; then, after a write through GraphQL, added_after sees exactly that record's
// object, with a later modified.
let federation: TestFederation;
let databaseUrl: string | undefined;
let discovery: string;
let seen: Read;
beforeAll(async () => {
  if (!available) return;
  // Its own copy of the dataset: it writes, and other files read the shared one meanwhile.
  databaseUrl = await datasetDatabase(inject("serverUrl"), "taxii_client");
  federation = await startTestFederation(databaseUrl);
  discovery = `${federation.gatewayUrl}taxii2/`;
  seen = await client<Read>("read", discovery);
}, 120_000);
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(inject("serverUrl"), databaseUrl);
});

describe.skipIf(!available)("stix > taxii2-client (OASIS) > reads the server", () => {
  it("finds the API root and the collections by their UUIDs", () => {
    expect(seen.title).toBe("attribution-graph TAXII 2.1");
    expect(seen.api_roots).toEqual([`${discovery}attribution-graph/`]);
    expect(seen.root_versions).toEqual(["application/taxii+json;version=2.1"]);
    expect(seen.collections.map((c) => c.title)).toEqual([
      "Everything",
      "Governments, statements and attributions",
      "Incidents and threat actors",
      "Legal actions",
    ]);
    for (const collection of seen.collections) {
      expect(collection.url).toBe(`${discovery}attribution-graph/collections/${collection.id}/`);
    }
    expect(seen.collections[0].id).toBe(uuidv5("taxii-collection:everything"));
  });

  it("pages through every object with as_pages, gets one, reads the manifest", async () => {
    const { bundle, stamps } = await exportRecords(overHttp({ url: federation.gatewayUrl }));
    const exported = toStixBundle(bundle, stamps).objects;
    expect(seen.pages).toBeGreaterThan(5);
    const served = latest(seen.objects);
    expect([...served.keys()].sort()).toEqual(exported.map((o) => o.id).sort());
    for (const object of exported) expect(served.get(object.id)).toEqual(object);
    const last = seen.objects.at(-1)!;
    expect(seen.one.objects).toEqual([latest(seen.objects).get(last.id)]);
    expect(seen.manifest).toHaveLength(seen.objects.length);
    for (const record of seen.manifest) expect(record.date_added).toBe(record.version);
  });

  it("sees, with added_after, exactly the record changed through GraphQL, with a later modified", async () => {
    const after = seen.manifest
      .map((record) => record.date_added)
      .sort()
      .at(-1)!;
    const editor = await federation.token("editor");
    const read = await federation.query<{
      agency: { bundleRecord: { record: any; sources: any } };
    }>(`{ agency(id: "us-dos") { bundleRecord } }`);
    const { record, sources } = read.data!.agency.bundleRecord;
    const written = await federation.query(
      `mutation ($input: AgencyInput!, $sources: [SourceInput!]) {
        upsertAgency(input: $input, sources: $sources) { action }
      }`,
      {
        input: { ...record, acronym: "DoS" },
        sources: Object.entries(sources).map(([key, source]) => ({ key, ...(source as object) })),
      },
      { token: editor },
    );
    expect(written.errors).toBeUndefined();
    const { objects } = await client<{ objects: StixObject[] }>("since", discovery, after);
    const id = stixId("identity", "Agency:us-dos");
    expect(objects.map((o) => o.id)).toEqual([id]);
    const before = latest(seen.objects).get(id)!;
    expect(objects[0].modified > before.modified).toBe(true);
    expect(objects[0].created).toBe(before.created);
    expect(objects[0].extensions).not.toEqual(before.extensions);
  });

  it("runs the README's taxii2-client example as written", async () => {
    const readme = readFileSync(projectPath("README.md"), "utf8");
    const example = /```python\n(from taxii2client[\s\S]*?)```/.exec(readme)![1];
    const dir = mkdtempSync(join(tmpdir(), "taxii2-client-"));
    const file = join(dir, "example.py");
    writeFileSync(file, example.replaceAll("http://127.0.0.1:4000/", federation.gatewayUrl));
    const { stdout } = await run(PYTHON, [file], {
      env: { PATH: process.env.PATH, PYTHONPATH: CLIENT },
    });
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe(`attribution-graph TAXII 2.1 ['${discovery}attribution-graph/']`);
    expect(lines[1]).toMatch(/^\d+ objects$/);
    expect(Number(lines[1].split(" ")[0])).toBeGreaterThan(500);
    expect(lines[2]).toBe("True 10");
  });
});
