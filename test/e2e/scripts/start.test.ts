import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildServer } from "../../helpers/build";
import { createDatabase, dropDatabase } from "../../../harness/database";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type NpmStart, SERVICES, spawnNpmStart } from "../../../harness/npm-start";
import { running, until } from "../../../harness/processes";

const STORY = /* GraphQL */ `
  {
    incident(id: "microsoft-exchange-2021") {
      name
      legalActions {
        nodes {
          id
        }
      }
    }
  }
`;
const GOVERNMENT = /* GraphQL */ `
  {
    government(id: "cn") {
      name
      sponsoredActors {
        nodes {
          id
        }
      }
    }
  }
`;
const whole = (answer: any) =>
  answer.errors === undefined && answer.data?.incident?.legalActions?.nodes.length > 0;

// `npm start` runs each service in its own process under a supervisor: a service that dies is
// restarted while the others keep serving, and no service outlives the supervisor.
describe("scripts > npm start supervises one process per service", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  const started: NpmStart[] = [];
  beforeAll(async () => {
    await buildServer();
    databaseUrl = await createDatabase(serverUrl, "start");
  }, 180_000);
  // Every answer comes from the subgraphs, never from a copy cached before the crash.
  const start = (env: Record<string, string> = {}) =>
    spawnNpmStart({
      DATABASE_URL: databaseUrl,
      RESPONSE_CACHE_MAX_AGE: "0",
      LOAD_MISP_ON_START: "false",
      ...env,
    });
  afterAll(async () => {
    for (const { child } of started) child.kill("SIGKILL");
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("restarts a killed subgraph, then stops every service on SIGTERM", async () => {
    const supervisor = await start();
    started.push(supervisor);
    await supervisor.ready();
    // Migrated and seeded with the shipped dataset, first admin key printed once.
    expect(supervisor.output().match(/first admin API key/g)).toHaveLength(1);
    expect(whole(await supervisor.query(STORY))).toBe(true);
    const first = Object.fromEntries(SERVICES.map((s) => [s, supervisor.pids(s)[0]]));
    for (const pid of Object.values(first)) {
      expect(readFileSync(`/proc/${pid}/cmdline`, "utf8")).toContain("--max-old-space-size=1024");
    }

    process.kill(first["legal-actions"], "SIGKILL");
    const partial = await until(
      () => supervisor.query(STORY),
      (answer) => answer.data?.incident?.legalActions === null,
    );
    expect(partial.data.incident.name).toBeTruthy();
    expect(partial.data.incident.legalActions).toBeNull();
    expect(partial.errors?.[0].extensions).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      serviceName: "legal-actions",
    });
    expect((await supervisor.query(GOVERNMENT)).errors).toBeUndefined();

    expect(whole(await until(() => supervisor.query(STORY), whole))).toBe(true);
    expect(supervisor.output()).toMatch(/^legal-actions exited unexpectedly \(signal SIGKILL\)/m);
    const restarted = supervisor.pids("legal-actions");
    expect(restarted).toHaveLength(2);
    for (const service of ["governments", "incidents", "gateway"]) {
      expect(supervisor.pids(service)).toEqual([first[service]]);
    }

    supervisor.child.kill("SIGTERM");
    expect(await supervisor.exit).toBe(0);
    expect([...Object.values(first), ...restarted].filter(running)).toEqual([]);
  }, 180_000);

  it("leaves no service behind when the supervisor itself is killed", async () => {
    // The database is already migrated and seeded: this start only checks that it is.
    const supervisor = await start();
    started.push(supervisor);
    await supervisor.ready();
    const pids = SERVICES.map((service) => supervisor.pids(service)[0]);
    expect(pids.filter(running)).toHaveLength(4);
    supervisor.child.kill("SIGKILL");
    await supervisor.exit;
    expect(
      await until(
        () => pids.filter(running),
        (alive) => alive.length === 0,
      ),
    ).toEqual([]);
  }, 180_000);

  it("stops with exit 2 and the variable's name on a bad heap limit", async () => {
    const supervisor = await start({ SERVICE_MAX_OLD_SPACE_MB: "lots" });
    started.push(supervisor);
    expect(await supervisor.exit).toBe(2);
    expect(supervisor.output()).toContain("SERVICE_MAX_OLD_SPACE_MB must be an integer");
    expect(supervisor.output()).not.toContain("started");
  });

  it("never says ready while another server holds the gateway's port, and says which port", async () => {
    // Answers 200 to everything, /health/ready included, as another attribution-graph would.
    const squatter = createServer((_req, res) => res.end("{}"));
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const { port } = squatter.address() as AddressInfo;
    try {
      const supervisor = await start({ GATEWAY_PORT: String(port) });
      started.push(supervisor);
      // Before: "gateway ready at" (the squatter answered), then restarts that never stopped.
      const output = await until(supervisor.output, (text) =>
        /gateway ready at|before it was ready/.test(text),
      );
      expect(output).not.toMatch(/gateway ready at/);
      expect(await supervisor.exit).toBe(1);
      expect(supervisor.output()).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(supervisor.output()).toContain("gateway exited (code 1) before it was ready");
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 120_000);
});
