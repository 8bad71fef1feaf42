import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase } from "../../../harness/database";
import { type NpmStart, startNpmStart } from "../../../harness/npm-start";
import { until } from "../../../harness/processes";
import { buildServer } from "../../helpers/build";
import { CLUSTERS } from "../../helpers/misp-galaxy";

const COUNT = /* GraphQL */ `
  {
    threatActors(first: 1) {
      totalCount
    }
  }
`;

// A user stops the first `npm start` while the galaxy is still loading (issue 25): the load is
// remembered as done only once it ran to its end, so the next start resumes it, and the one
// after that loads nothing.
describe("scripts > MISP galaxy connector > an interrupted load resumes on the next npm start", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let started: NpmStart | undefined;
  beforeAll(async () => {
    buildServer();
    databaseUrl = await createDatabase(serverUrl, "misp_resume");
  }, 180_000);
  afterAll(async () => {
    await started?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("stopped after 100 actors, loads the rest on the next start, then never again", async () => {
    started = await startNpmStart(databaseUrl);
    const loading = /^misp-galaxy +\| \[100\/\d+\] /m;
    await until(started.output, (text) => loading.test(text), 240_000);
    expect(started.output()).not.toMatch(/^misp-galaxy +\| done: /m);
    expect(await started.stop()).toBe(0);
    const stopped = started.output();
    expect(stopped).toMatch(/^misp-galaxy +\| the load stopped .*the next npm start resumes it/m);
    expect(stopped).toMatch(/^stopped governments, incidents, legal-actions, gateway; the data/m);

    started = await startNpmStart(databaseUrl);
    const finished = (text: string) => /^misp-galaxy +\| (done: |.*load stopped)/m.test(text);
    await until(started.output, finished, 300_000);
    expect(started.output()).toMatch(
      new RegExp(`^misp-galaxy +\\| done: ${CLUSTERS} clusters: .* 0 failed`, "m"),
    );
    const answer = await started.query(COUNT);
    expect(answer.data.threatActors.totalCount).toBeGreaterThan(CLUSTERS * 0.9);
    expect(await started.stop()).toBe(0);

    started = await startNpmStart(databaseUrl);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(started.output()).not.toContain("misp-galaxy");
    expect(await started.stop()).toBe(0);
    started = undefined;
  }, 900_000);
});
