import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildServer } from "../../helpers/build";
import { KeyStore } from "../../../gateway/access/keys";
import { freePort } from "../../../scripts/embedded-postgres";
import { IDENTITY_HEADER, signRequest } from "../../../platform/identity";
import { projectPath } from "../../../platform/paths";
import { createDatabase, databaseConfig, dropDatabase } from "../../../harness/database";
import {
  type GraphQLRequest,
  httpRequest,
  postGraphQL,
  sendGraphQL,
} from "../../../scripts/graphql-client";
import { type NpmStart, spawnNpmStart } from "../../../harness/npm-start";
import { spawnKept, until } from "../../../harness/processes";

const SECRET = "redis-test-identity-secret-shared-everywhere";
const RATE = 60;
const READ = /* GraphQL */ `
  query GovernmentName {
    government(id: "gb") {
      name
    }
  }
`;
const RENAME = /* GraphQL */ `
  mutation Rename($name: String!) {
    upsertGovernment(
      input: {
        id: "gb"
        name: $name
        kind: STATE
        isoAlpha2: "GB"
        isoAlpha3: "GBR"
        sources: ["s"]
      }
      sources: [{ key: "s", title: "Redis test" }]
    ) {
      action
    }
  }
`;

const gatewayQuery = (
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
) => postGraphQL<any>(url, { query, variables }, { token });

/** A Redis server of the test's own, on a free port: the machine's server is never stopped. */
async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn(
    "redis-server",
    ["--port", String(port), "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const accepts = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => resolve(true)).on("error", () =>
        resolve(false),
      );
      socket.on("connect", () => socket.end());
    });
  await until(accepts, (up) => up);
  return redis;
}

// Two gateway replicas (npm start's and a standalone dist/gateway/main.js) share one Redis: a
// write through one is read through the other at once, the rate limit counts requests to both,
// and a Redis outage leaves them answering, sharing again once it is back.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let redisPort: number;
let redis: ChildProcess;
let supervisor: NpmStart;
let replica: ReturnType<typeof spawnKept>;
let replicaUrl: string;
let token: string;
let sent = 0;
const ask = async (
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  key?: string,
) => {
  sent += 1;
  return gatewayQuery(url, query, variables, key);
};

beforeAll(async () => {
  await buildServer();
  databaseUrl = await createDatabase(serverUrl, "redis");
  redisPort = await freePort();
  redis = await startRedis(redisPort);
  const shared = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
    IDENTITY_SECRET: SECRET,
    RATE_LIMIT_PER_MINUTE: String(RATE),
    RESPONSE_CACHE_MAX_AGE: "300",
    LOAD_MISP_ON_START: "false",
    LOG_LEVEL: "warn",
  };
  supervisor = await spawnNpmStart(shared);
  await supervisor.ready();
  const port = await freePort();
  replicaUrl = `http://127.0.0.1:${port}/`;
  replica = spawnKept(projectPath("dist", "gateway", "main.js"), {
    ...shared,
    PORT: String(port),
    GOVERNMENTS_URL: `http://127.0.0.1:${supervisor.ports.governments}/`,
    INCIDENTS_URL: `http://127.0.0.1:${supervisor.ports.incidents}/`,
    LEGAL_ACTIONS_URL: `http://127.0.0.1:${supervisor.ports["legal-actions"]}/`,
    MIGRATE_ON_START: "false",
  });
  await until(
    replica.output,
    (output) => /gateway ready at/.test(output) || replica.child.exitCode !== null,
  );
  expect(replica.output()).toMatch(/gateway ready at/);
  const keys = await KeyStore.open(databaseConfig(databaseUrl), { migrateSchema: false });
  token = (await keys.create("redis test", "editor")).token;
  await keys.close();
}, 240_000);

afterAll(async () => {
  replica?.child.kill("SIGKILL");
  supervisor?.child.kill("SIGTERM");
  await supervisor?.exit;
  redis?.kill("SIGKILL");
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

const cacheOf = (answer: any) => answer.headers.get("x-cache");

// A write through one replica is read through the other at once; a persisted query registered
// on one runs on the other; a signed header used on one subgraph replica is refused on another.
describe("platform > redis > replicas share state > cache, queries, nonces", () => {
  it("shows a write through one replica to the very next read through the other", async () => {
    await ask(supervisor.gatewayUrl, READ);
    const cached = await ask(replicaUrl, READ);
    expect(cacheOf(cached)).toBe("HIT"); // stored by the other replica
    const written = await ask(
      supervisor.gatewayUrl,
      RENAME,
      { name: "United Kingdom (renamed)" },
      token,
    );
    expect(written.data.upsertGovernment.action).toBe("UPDATED");
    const next = await ask(replicaUrl, READ);
    expect(next.data.government.name).toBe("United Kingdom (renamed)");
    expect(cacheOf(next)).toBe("MISS");
  });

  it("shares persisted queries: a hash registered through one replica runs on the other", async () => {
    const query = 'query PersistedName { government(id: "fr") { name } }';
    const persistedQuery = {
      version: 1,
      sha256Hash: createHash("sha256").update(query).digest("hex"),
    };
    const persisted = async (url: string, request: GraphQLRequest) => {
      sent += 1;
      return postGraphQL<any>(url, { ...request, extensions: { persistedQuery } });
    };
    const register = await persisted(supervisor.gatewayUrl, { query });
    expect(register.data.government.name).toBe("France");
    const byHash = await persisted(replicaUrl, {});
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data.government.name).toBe("France");
  });

  it("refuses on one subgraph replica a signed header already used on another", async () => {
    const port = await freePort();
    const second = spawnKept(projectPath("dist", "services", "incidents", "main.js"), {
      DATABASE_URL: databaseUrl,
      REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
      IDENTITY_SECRET: SECRET,
      PORT: String(port),
      MIGRATE_ON_START: "false",
      LOG_LEVEL: "warn",
    });
    try {
      const up = await until(
        () =>
          // Ready with its Redis: a replay it took while still connecting would be checked here only.
          httpRequest<{ redis?: string }>(`http://127.0.0.1:${port}/health/ready`).then(
            (response) => response.status === 200 && response.json?.redis === "ok",
            () => false,
          ),
        (ok) => ok || second.child.exitCode !== null,
      );
      expect(up, second.output()).toBe(true);
      const body = JSON.stringify({ query: '{ threatActor(id: "apt40") { name } }' });
      const header = signRequest(
        { keyId: null, role: "reader" },
        { audience: "incidents", body, secret: SECRET },
      );
      const send = (url: string) =>
        sendGraphQL<any>(url, body, { headers: { [IDENTITY_HEADER]: header } }).then(
          (response) => ({ status: response.status, body: response.json }),
        );
      const first = await send(`http://127.0.0.1:${supervisor.ports.incidents}/`);
      expect(first.status).toBe(200);
      expect(first.body.data.threatActor.name).toBeTruthy();
      const replayed = await send(`http://127.0.0.1:${port}/`);
      expect(replayed.status).toBe(401);
      expect(replayed.body.errors[0].extensions).toMatchObject({
        code: "UNAUTHENTICATED",
        reason: "replayed",
      });
    } finally {
      second.child.kill("SIGKILL");
    }
  });
});

// The rate limit counts requests to both replicas; without Redis both keep answering, and share
// again once it is back.
describe("platform > redis > replicas share state > rate limit and outage", () => {
  it("counts the rate limit over both replicas", async () => {
    const statuses: number[] = [];
    while (sent < RATE + 4) {
      const answer = await ask(sent % 2 ? replicaUrl : supervisor.gatewayUrl, "{ __typename }");
      statuses.push(answer.status);
    }
    // The first RATE requests of this minute, to either replica, passed; then both refuse.
    expect(statuses.slice(0, RATE - (sent - statuses.length)).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(-4)).toEqual([429, 429, 429, 429]);
  });

  it("keeps answering while Redis is down, and shares again once it is back", async () => {
    redis.kill("SIGKILL");
    await until(
      () => gatewayQuery(replicaUrl, READ),
      (answer) => answer.status === 200 && answer.data?.government && cacheOf(answer) === "MISS",
    );
    // Down: each replica counts its own rate limit (fresh), answers run, nothing is cached:
    // the same read twice misses twice.
    for (let read = 0; read < 2; read++) {
      const during = await gatewayQuery(replicaUrl, READ);
      expect(during.data.government.name).toBe("United Kingdom (renamed)");
      expect(cacheOf(during)).toBe("MISS");
    }
    const write = await gatewayQuery(
      supervisor.gatewayUrl,
      RENAME,
      { name: "United Kingdom" },
      token,
    );
    expect(write.data.upsertGovernment.action).toBe("UPDATED");
    expect((await gatewayQuery(replicaUrl, READ)).data.government.name).toBe("United Kingdom");

    redis = await startRedis(redisPort);
    const again = await until(
      async () => {
        await gatewayQuery(supervisor.gatewayUrl, READ);
        return gatewayQuery(replicaUrl, READ);
      },
      (answer) => cacheOf(answer) === "HIT",
    );
    expect(again.data.government.name).toBe("United Kingdom");
    await gatewayQuery(replicaUrl, RENAME, { name: "United Kingdom of GB and NI" }, token);
    const after = await gatewayQuery(supervisor.gatewayUrl, READ);
    expect(after.data.government.name).toBe("United Kingdom of GB and NI");
  });
});
