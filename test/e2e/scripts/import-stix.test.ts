import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectPath } from "../../../platform/paths";
import { readBundles } from "../../../services/dataset";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { buildServer } from "../../helpers/build";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
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
  buildServer();
  databaseUrl = await createDatabase(serverUrl, "stix_in");
  await prepareDatabase(
    databaseUrl,
    (await readBundles()).map(({ bundle }) => bundle),
  );
  federation = await startTestFederation(databaseUrl);
  token = await federation.token("editor");
  const galaxy = await runCli("import-misp", ["--url", federation.gatewayUrl, "--token", token, "--progress", "1000"]);
  expect(galaxy.code, galaxy.stderr).toBe(0);
}, 240_000);
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

describe("scripts > STIX connector > MITRE ATT&CK for ICS (node dist/scripts/import-stix.js)", () => {
  it("loads the groups and campaigns beside the galaxy, without duplicates", async () => {
    const before = await everyRecord(federation, "threatActors");
    const first = await connector([ATTACK_ICS]);
    expect(first.code, first.stderr + first.stdout.slice(-3000)).toBe(0);
    console.log(first.stdout.split("\n").filter((l) => !l.startsWith("[")).join("\n"));
    const counts = doneCounts(first.stdout);
    expect(counts.failed).toBe(0);
    const after = await everyRecord(federation, "threatActors");
    const sandworm = after.get("sandworm")!.record;
    expect(sandworm.externalIds).toContainEqual(
      expect.objectContaining({ system: "mitre-attack", id: "G0034" }),
    );
    const created = [...after.keys()].filter((id) => !before.has(id));
    console.log(created);
  }, 120_000);
});
