import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase } from "../../../harness/database";
import { type NpmStart, startNpmStart } from "../../../harness/npm-start";
import { until } from "../../../harness/processes";
import { buildServer } from "../../helpers/build";
import { CLUSTERS } from "../../helpers/misp-galaxy";

// What a new user gets: `npm start` on an empty database loads the curated dataset, then the
// galaxy in the background (the gateway answers meanwhile), and only on that first start.
describe("scripts > MISP galaxy connector > loaded by npm start (LOAD_MISP_ON_START)", () => {
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
    const url = await createDatabase(serverUrl, "misp_start");
    databases.push(url);
    return url;
  };
  const FOREST_BLIZZARD = /* GraphQL */ `
    {
      threatActors(first: 1, filter: { text: "Forest Blizzard" }) {
        nodes {
          id
          sponsorState {
            id
            name
          }
          aliases {
            name
            namedBy
          }
        }
      }
    }
  `;

  it('loads the galaxy on the first start only: "Forest Blizzard" finds APT28', async () => {
    const databaseUrl = await fresh();
    started = await startNpmStart(databaseUrl);
    // Ready (and answering) before the galaxy is in.
    const early = await started.query(`{ threatActor(id: "apt40") { name } }`);
    expect(early.data).toEqual({ threatActor: { name: "APT40" } });
    const finished = (text: string) => /^misp-galaxy +\| (done: |.*load stopped)/m.test(text);
    await until(started.output, finished, 240_000);
    const output = started.output();
    expect(output).toMatch(/^misp-galaxy +\| loading the MISP galaxy's threat actors/m);
    expect(output).toMatch(/^misp-galaxy +\| \[100\/\d+\] /m);
    expect(output).toMatch(
      new RegExp(
        `^misp-galaxy +\\| done: ${CLUSTERS} clusters: \\d+ created, 0 updated, \\d+ enriched, 0 unchanged, 0 failed`,
        "m",
      ),
    );
    expect(output.indexOf("gateway ready at")).toBeLessThan(output.indexOf("misp-galaxy"));
    const answer = await started.query(FOREST_BLIZZARD);
    const [apt28] = answer.data.threatActors.nodes;
    expect(apt28.id).toBe("apt28");
    expect(apt28.sponsorState).toEqual({ id: "ru", name: "Russian Federation" });
    expect(apt28.aliases).toContainEqual({ name: "Forest Blizzard", namedBy: "Microsoft" });
    expect(await started.stop()).toBe(0);

    // A restart over the same database loads nothing again.
    started = await startNpmStart(databaseUrl);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(started.output()).not.toContain("misp-galaxy");
    expect(await started.stop()).toBe(0);
    started = undefined;
  }, 300_000);

  it("LOAD_MISP_ON_START=false starts with the curated dataset only", async () => {
    started = await startNpmStart(await fresh(), { LOAD_MISP_ON_START: "false" });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(started.output()).not.toContain("misp-galaxy");
    const answer = await started.query(FOREST_BLIZZARD);
    expect(answer.data.threatActors.nodes).toEqual([]);
    expect(await started.stop()).toBe(0);
    started = undefined;
  }, 300_000);
});
