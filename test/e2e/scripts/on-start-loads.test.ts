import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase } from "../../../harness/database";
import { type NpmStart, startNpmStart } from "../../../harness/npm-start";
import { until } from "../../../harness/processes";
import { GALAXY_LOAD, loadCompleted } from "../../../scripts/misp/on-start";
import { ATTACK_LOAD } from "../../../scripts/stix-in/on-start";
import { buildServer } from "../../helpers/build";
import { CLUSTERS } from "../../helpers/misp-galaxy";

// What `npm start` loads in the background on a database's first start (the MISP galaxy, then
// MITRE ATT&CK for ICS matched to both), and when it does not. Each `npm start` pays for a
// galaxy load: the tests share two databases, one `it` per start, in order.
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
const COUNT = `{ threatActors(first: 1) { totalCount } }`;
// The two databases' starts run side by side (each start's processes mostly wait on one another);
// the `it`s of one database run in order.
const SIDE_BY_SIDE = { concurrent: true };
const GALAXY_FINISHED = /^misp-galaxy +\| (done: |.*load stopped)/m;
const ATTACK_FINISHED = /^attack-ics +\| (done: |.*load stopped)/m;

const serverUrl = inject("serverUrl");
const databases: string[] = [];
const running = new Set<NpmStart>();
beforeAll(async () => {
  await buildServer();
}, 180_000);
afterAll(async () => {
  await Promise.all([...running].map((npmStart) => npmStart.stop()));
  for (const url of databases) await dropDatabase(serverUrl, url);
});
const fresh = async (label: string) => {
  const url = await createDatabase(serverUrl, label);
  databases.push(url);
  return url;
};

/** One database's `npm start`s, one after the other. */
function starts() {
  let current: NpmStart | undefined;
  return {
    async start(databaseUrl: string, env?: Record<string, string>) {
      current = await startNpmStart(databaseUrl, env);
      running.add(current);
      return current;
    },
    /** Stops `npm start` (exit 0 expected) and gives all it wrote. */
    async stopped() {
      const stopping = current!;
      current = undefined;
      expect(await stopping.stop()).toBe(0);
      running.delete(stopping);
      return stopping.output();
    },
  };
}
/** Until `name`'s completion marker is written (its connector's last step, after "done:"). */
const completed = async (databaseUrl: string, name: string) =>
  expect(await until(() => loadCompleted(databaseUrl, name), Boolean, 30_000)).toBe(true);

// What a new user gets: the curated dataset, then the galaxy in the background (the gateway
// answers meanwhile), then ATT&CK for ICS, and only on that first start.
describe(
  "scripts > npm start on an empty database > the galaxy, then ATT&CK for ICS",
  SIDE_BY_SIDE,
  () => {
    const { start, stopped } = starts();
    let databaseUrl: string;
    let started: NpmStart;

    it(
      'loads the galaxy on the first start (LOAD_MISP_ON_START): "Forest Blizzard" finds APT28',
      { concurrent: false, timeout: 300_000 },
      async () => {
        databaseUrl = await fresh("misp_start");
        started = await start(databaseUrl);
        // Ready (and answering) before the galaxy is in.
        const early = await started.query(`{ threatActor(id: "apt40") { name } }`);
        expect(early.data).toEqual({ threatActor: { name: "APT40" } });
        await until(started.output, (text) => GALAXY_FINISHED.test(text), 240_000);
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
      },
    );

    it(
      "loads ATT&CK for ICS after the galaxy (LOAD_ATTACK_ON_START): Sandworm Team is the curated Sandworm",
      { concurrent: false, timeout: 300_000 },
      async () => {
        await until(started.output, (text) => ATTACK_FINISHED.test(text), 280_000);
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
        await completed(databaseUrl, ATTACK_LOAD);
        await stopped();
      },
    );

    it(
      "loads nothing again on a restart over the same database",
      { concurrent: false, timeout: 300_000 },
      async () => {
        started = await start(databaseUrl);
        // All it wrote, from start to stop: a load would have begun right after "ready".
        const output = await stopped();
        expect(output).not.toContain("misp-galaxy");
        expect(output).not.toContain("attack-ics");
      },
    );
  },
);

// A user who turns the loads off, then one who stops the first load midway (issue 25): a load is
// remembered as done only once it ran to its end, so the next start resumes it, and the one after
// that loads nothing.
describe(
  "scripts > npm start > loads turned off, and an interrupted load resumed",
  SIDE_BY_SIDE,
  () => {
    const { start, stopped } = starts();
    let databaseUrl: string;
    let started: NpmStart;

    it(
      "LOAD_MISP_ON_START=false starts with the curated dataset only",
      { concurrent: false, timeout: 300_000 },
      async () => {
        databaseUrl = await fresh("misp_resume");
        started = await start(databaseUrl, { LOAD_MISP_ON_START: "false" });
        const answer = await started.query(FOREST_BLIZZARD);
        expect(answer.data.threatActors.nodes).toEqual([]);
        const output = await stopped();
        expect(output).not.toContain("misp-galaxy");
        expect(output).not.toContain("attack-ics");
      },
    );

    it(
      "stopped after 100 actors, the galaxy load is remembered as not done",
      { concurrent: false, timeout: 300_000 },
      async () => {
        started = await start(databaseUrl, { LOAD_ATTACK_ON_START: "false" });
        const loading = /^misp-galaxy +\| \[100\/\d+\] /m;
        await until(started.output, (text) => loading.test(text), 240_000);
        expect(started.output()).not.toMatch(/^misp-galaxy +\| done: /m);
        const output = await stopped();
        expect(output).toMatch(
          /^misp-galaxy +\| the load stopped .*the next npm start resumes it/m,
        );
        expect(output).toMatch(
          /^stopped governments, incidents, legal-actions, gateway; the data/m,
        );
      },
    );

    it(
      "LOAD_ATTACK_ON_START=false: the next start loads the rest of the galaxy only",
      { concurrent: false, timeout: 400_000 },
      async () => {
        started = await start(databaseUrl, { LOAD_ATTACK_ON_START: "false" });
        await until(started.output, (text) => GALAXY_FINISHED.test(text), 300_000);
        expect(started.output()).toMatch(
          new RegExp(`^misp-galaxy +\\| done: ${CLUSTERS} clusters: .* 0 failed`, "m"),
        );
        const answer = await started.query(COUNT);
        expect(answer.data.threatActors.totalCount).toBeGreaterThan(CLUSTERS * 0.9);
        // ATT&CK would start once the galaxy's connector exits.
        await completed(databaseUrl, GALAXY_LOAD);
        await new Promise((resolve) => setTimeout(resolve, 2000));
        expect(started.output()).not.toContain("attack-ics");
        const ukraine = await started.query(
          `{ incidents(first: 1, filter: { text: "Ukraine Electric Power Attack" }) { totalCount } }`,
        );
        expect(ukraine.data.incidents.totalCount).toBe(0);
        await stopped();
      },
    );

    it(
      "never loads the galaxy again after it ran to its end",
      { concurrent: false, timeout: 300_000 },
      async () => {
        started = await start(databaseUrl);
        expect(await stopped()).not.toContain("misp-galaxy");
      },
    );
  },
);
