import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectPath } from "../../../platform/paths";
import { dropDatabase } from "../../../harness/database";
import { buildServer } from "../../helpers/build";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import { galaxyDatabase } from "../../helpers/galaxy-database";
import { doneCounts, everyRecord, importStix, runCli } from "../../helpers/stix-in";

// The STIX connector as the README runs it: the built script, a child process, through the
// gateway of a real federation (the curated dataset, then the MISP galaxy) with an editor key.
const serverUrl = inject("serverUrl");
const ATTACK_ICS = projectPath("data", "vendor", "attack-ics", "ics-attack-18.1.json");
const dir = mkdtempSync(join(tmpdir(), "attribution-graph-stix-in-"));
let databaseUrl: string;
let federation: TestFederation;
let token: string;
const connector = (args: string[]) => importStix(federation, token, args);

beforeAll(async () => {
  await buildServer();
  // The curated dataset, then the MISP galaxy as the README loads it.
  databaseUrl = await galaxyDatabase("stix_in");
  federation = await startTestFederation(databaseUrl);
  token = await federation.token("editor");
}, 240_000);
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

const ACTOR_COUNT = /* GraphQL */ `
  {
    threatActors(first: 1) {
      totalCount
    }
    incidents(first: 1) {
      totalCount
    }
  }
`;
const INCIDENT = /* GraphQL */ `
  query Incident($id: ID!) {
    incident(id: $id) {
      bundleRecord
    }
  }
`;

describe("scripts > STIX connector > MITRE ATT&CK for ICS (node dist/scripts/import-stix.js)", () => {
  it("loads the 14 current groups and 8 campaigns beside the galaxy, without duplicates", async () => {
    const before = await everyRecord(federation, "threatActors");
    const first = await connector([ATTACK_ICS, "--progress", "5"]);
    expect(first.code, first.stderr + first.stdout.slice(-3000)).toBe(0);
    expect(first.stdout).toMatch(/: 1826 objects \(1373 relationship, /);
    expect(first.stdout).toContain("[5/22] ");
    expect(first.stdout).toContain("[22/22] ");
    expect(doneCounts(first.stdout)).toEqual({
      records: 22,
      created: 8,
      updated: 0,
      enriched: 14,
      unchanged: 0,
      failed: 0,
    });
    // Nothing dropped in silence: what is no record is counted, by type.
    expect(first.stdout).toMatch(/^ {2}objects: 1112 \(relationship "mitigates" ×331, /m);
    expect(first.stdout).toMatch(/^ {2}revoked, skipped: 2 \(intrusion-set ×2\)$/m);
    expect(first.stdout).toMatch(/sandworm ← Sandworm Team \(alias "Sandworm Team"\)/);

    const after = await everyRecord(federation, "threatActors");
    expect([...after.keys()].filter((id) => !before.has(id))).toEqual(["apt38"]);
    // One actor per ATT&CK group.
    const attackIds = [...after.values()].flatMap(({ record }) =>
      (record.externalIds ?? [])
        .filter((e: any) => e.system === "mitre-attack")
        .map((e: any) => e.id),
    );
    expect(attackIds).toHaveLength(14);
    expect(new Set(attackIds).size).toBe(14);
    // The curated Sandworm keeps its fields; it gains the group's id, aliases and sources.
    const { record: was } = before.get("sandworm")!;
    const { record: now } = after.get("sandworm")!;
    expect({ ...now, aliases: undefined, externalIds: undefined, sources: undefined }).toEqual({
      ...was,
      aliases: undefined,
      externalIds: undefined,
      sources: undefined,
    });
    expect(now.aliases.slice(0, was.aliases.length)).toEqual(was.aliases);
    expect(now.aliases).toContainEqual({
      name: "BlackEnergy (Group)",
      namedBy: "The MITRE Corporation",
    });
    expect(now.externalIds).toContainEqual({
      system: "mitre-attack",
      id: "G0034",
      url: "https://attack.mitre.org/groups/G0034",
    });
    expect(now.sources.slice(0, was.sources.length)).toEqual(was.sources);

    // The five attributed-to, as suspected actors.
    const suspects = async (id: string) => {
      const answer = await federation.query<any>(INCIDENT, { id });
      expect(answer.errors).toBeUndefined();
      return answer.data.incident.bundleRecord.record.suspectedActors ?? [];
    };
    for (const year of [2015, 2016, 2022]) {
      expect(await suspects(`${year}-ukraine-electric-power-attack`)).toEqual(["sandworm"]);
    }
    // ATT&CK's Triton campaign is the curated Triton incident (issue 26's data): enriched.
    expect(await suspects("triton-petrochemical-plant-2017")).toEqual(["temp-veles"]);
    expect(await suspects("unitronics-defacement-campaign")).toEqual(["cyber-av3ngers"]);
    expect(await suspects("maroochy-water-breach")).toEqual([]);
  }, 120_000);

  it("writes nothing on a second run, and --dry-run writes nothing either", async () => {
    const again = await connector([ATTACK_ICS, "--progress", "100"]);
    expect(again.code, again.stderr).toBe(0);
    expect(doneCounts(again.stdout)).toMatchObject({ records: 22, unchanged: 22, failed: 0 });
    const dry = await connector([ATTACK_ICS, "--dry-run", "--progress", "100"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(
      /^dry run: 22 records: 0 would be created, .* 22 unchanged, 0 failed$/m,
    );
  }, 120_000);
});

// After the load above (same federation, files run in order).
describe("scripts > STIX connector > MITRE ATT&CK for ICS beside the curated data", () => {
  // Issue 26: ATT&CK's campaign and the governments' words on Triton meet under one actor.
  it("joins ATT&CK's Triton campaign (C0030) and the governments' statements under TEMP.Veles", async () => {
    const answer = await federation.query<any>(/* GraphQL */ `
      {
        threatActor(id: "temp-veles") {
          externalIds {
            system
            id
          }
          incidents {
            nodes {
              id
            }
          }
        }
        incident(id: "triton-petrochemical-plant-2017") {
          attributions(first: 10) {
            nodes {
              statement {
                issuer {
                  id
                }
              }
            }
          }
        }
      }
    `);
    expect(answer.errors).toBeUndefined();
    const { threatActor, incident } = answer.data;
    expect(threatActor.externalIds).toContainEqual(
      expect.objectContaining({ system: "mitre-attack", id: "G0088" }),
    );
    // ATT&CK's campaign is the curated incident the governments' 2022 statements attribute:
    // matched, not a second incident.
    expect(threatActor.incidents.nodes.map((node: { id: string }) => node.id)).toEqual([
      "triton-petrochemical-plant-2017",
    ]);
    const issuers = incident.attributions.nodes.map((node: any) => node.statement.issuer.id);
    expect(issuers).toEqual(expect.arrayContaining(["us", "gb"]));
  });
});

describe("scripts > STIX connector > bad input: one line, exit 1, nothing written", () => {
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const object = {
    type: "intrusion-set",
    id: "intrusion-set--0b8c4e2a-4f6e-4d8e-9a6c-8f1f2a3b4c5d",
    created: "2024-01-01T00:00:00.000Z",
    modified: "2024-01-01T00:00:00.000Z",
    name: "Never Written",
  };
  const bundle = (objects: unknown[], extra = {}) =>
    JSON.stringify({
      type: "bundle",
      id: "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
      ...extra,
      objects,
    });
  const cases: [string, string, string[], RegExp][] = [
    ["not JSON", file("broken.json", "{ not json"), [], /broken\.json: not JSON \(/],
    [
      "not a bundle",
      file("report.json", JSON.stringify({ type: "report" })),
      [],
      /report\.json: not a STIX bundle/,
    ],
    [
      "a STIX 2.0 bundle",
      file("v20.json", bundle([object], { spec_version: "2.0" })),
      [],
      /v20\.json: \$\.spec_version "2\.0": only STIX 2\.1 bundles are read/,
    ],
    [
      "an object of another spec_version",
      file(
        "mixed.json",
        bundle([
          { ...object, spec_version: "2.1" },
          { ...object, spec_version: "2.2" },
        ]),
      ),
      [],
      /mixed\.json: \$\.objects\[1\]\.spec_version: "2\.2" \(intrusion-set--0b8c4e2a-.*\): only STIX 2\.1 is read/,
    ],
    [
      "an oversized file",
      file("large.json", bundle([{ ...object, spec_version: "2.1" }])),
      ["--max-bytes", "100"],
      /large\.json: \d+ bytes, over the limit of 100 bytes/,
    ],
    ["no such file", join(dir, "missing.json"), [], /missing\.json: no such file/],
  ];
  it.each(cases)("%s", async (_, path, args, message) => {
    const before = (await federation.query(ACTOR_COUNT)).data;
    const result = await connector([path, ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).not.toContain("done:");
    expect((await federation.query(ACTOR_COUNT)).data).toEqual(before);
  });

  it("refuses to write without an editor key, and prints its usage for --help", async () => {
    const path = file("fine.json", bundle([{ ...object, spec_version: "2.1" }]));
    const keyless = await runCli("import-stix", [path, "--url", federation.gatewayUrl]);
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toMatch(/an editor API key is required/);
    const help = await runCli("import-stix", ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run import:stix -- FILE \| TAXII-COLLECTION-URL/);
  });
});
