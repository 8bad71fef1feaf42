import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase } from "../../../harness/database";
import { type NpmStart, startNpmStart } from "../../../harness/npm-start";
import { until } from "../../../harness/processes";
import { buildServer } from "../../helpers/build";

// What a new user gets: `npm start` on an empty database loads the curated dataset, the MISP
// galaxy, then MITRE ATT&CK for ICS matched to both, in the background and on that start only.
describe("scripts > STIX connector > ATT&CK for ICS loaded by npm start (LOAD_ATTACK_ON_START)", () => {
  const serverUrl = inject("serverUrl");
  const databases: string[] = [];
  let started: NpmStart | undefined;
  beforeAll(() => {
    buildServer();
  }, 180_000);
  afterAll(async () => {
    await started?.stop();
    for (const url of databases) await dropDatabase(serverUrl, url);
  });
  const fresh = async () => {
    const url = await createDatabase(serverUrl, "attack_start");
    databases.push(url);
    return url;
  };
  const SANDWORM = /* GraphQL */ `
    {
      threatActors(first: 5, filter: { text: "Sandworm Team" }) {
        nodes {
          id
          externalIds {
            system
            id
          }
        }
      }
      incident(id: "2016-ukraine-electric-power-attack") {
        bundleRecord
      }
    }
  `;

  it("loads ATT&CK for ICS after the galaxy: Sandworm Team is the curated Sandworm", async () => {
    started = await startNpmStart(await fresh());
    const finished = (text: string) => /^attack-ics +\| (done: |.*load stopped)/m.test(text);
    await until(started.output, finished, 280_000);
    const output = started.output();
    expect(output).toMatch(
      /^attack-ics +\| done: 22 records: \d+ created, 0 updated, \d+ enriched, 0 unchanged, 0 failed$/m,
    );
    expect(output.indexOf("misp-galaxy   | done:")).toBeLessThan(
      output.indexOf("attack-ics    | loading"),
    );
    const answer = await started.query(SANDWORM);
    const [sandworm, ...others] = answer.data.threatActors.nodes;
    expect(sandworm.id).toBe("sandworm");
    expect(sandworm.externalIds).toContainEqual({ system: "mitre-attack", id: "G0034" });
    for (const other of others) {
      expect(other.externalIds).not.toContainEqual({ system: "mitre-attack", id: "G0034" });
    }
    expect(answer.data.incident.bundleRecord.record.suspectedActors).toEqual(["sandworm"]);
    expect(await started.stop()).toBe(0);
    started = undefined;
  }, 400_000);

  it("LOAD_ATTACK_ON_START=false loads the galaxy only", async () => {
    started = await startNpmStart(await fresh(), { LOAD_ATTACK_ON_START: "false" });
    const finished = (text: string) => /^misp-galaxy +\| (done: |.*load stopped)/m.test(text);
    await until(started.output, finished, 240_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(started.output()).not.toContain("attack-ics");
    const answer = await started.query(
      `{ incidents(first: 1, filter: { text: "Ukraine Electric Power Attack" }) { totalCount } }`,
    );
    expect(answer.data.incidents.totalCount).toBe(0);
    expect(await started.stop()).toBe(0);
    started = undefined;
  }, 300_000);
});
