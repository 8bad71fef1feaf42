import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../../scripts/embedded-postgres";
import { projectPath } from "../../../platform/paths";
import { httpRequest } from "../../../scripts/graphql-client";
import { type RunningSubgraph, startSubgraph } from "../../../services/kit/subgraph";
import { readBundles } from "../../../services/dataset";
import { subgraphs } from "../../../services";
import { databaseConfig, prepareDatabase } from "../../../harness/database";
import {
  TEST_IDENTITY_SECRET,
  type TestFederation,
  startTestFederation,
} from "../../helpers/federation";
import { INCIDENT_STORY } from "../../../harness/queries/cross-source";

const until = async <T>(attempt: () => Promise<T>, ok: (value: T) => boolean, tries = 40) => {
  let value = await attempt();
  for (let i = 0; i < tries && !ok(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await attempt();
  }
  return value;
};

// A dead subgraph costs only its own fields; when it comes back, answers are whole again.
describe("gateway > resilience > a subgraph goes down and comes back", () => {
  let federation: TestFederation;
  let revived: RunningSubgraph | undefined;
  beforeAll(async () => {
    federation = await startTestFederation();
  });
  afterAll(async () => {
    await revived?.stop();
    await federation?.stop();
  });

  it("serves the healthy subgraphs' data with errors naming the dead one, then recovers", async () => {
    const legal = federation.subgraphs.find((s) => s.name === "legal-actions")!;
    const port = Number(new URL(legal.url).port);
    await legal.stop();

    const partial = await federation.query<any>(INCIDENT_STORY, { id: "microsoft-exchange-2021" });
    expect(partial.data.incident.name).toBeTruthy();
    expect(partial.data.incident.attributions.nodes.length).toBeGreaterThan(0);
    expect(partial.data.incident.legalActions).toBeNull();
    expect(partial.errors?.[0].path).toEqual(["incident", "legalActions"]);
    expect(partial.errors?.[0].extensions?.serviceName).toBe("legal-actions");
    expect(partial.errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(partial.errors?.[0].message).toBe("the legal-actions subgraph is unavailable");

    const untouched = await federation.query<any>(
      `{ government(id: "cn") { name sponsoredActors { nodes { id } } } }`,
    );
    expect(untouched.errors).toBeUndefined();
    const notReady = await httpRequest(new URL("health/ready", federation.gatewayUrl));
    expect(notReady.status).toBe(503);

    const definition = subgraphs.find((s) => s.definition.name === "legal-actions")!.definition;
    revived = await startSubgraph(definition, {
      host: "127.0.0.1",
      port,
      migrate: false,
      database: databaseConfig(inject("datasetUrl")),
      identitySecret: TEST_IDENTITY_SECRET,
    });
    const whole = await until(
      () => federation.query<any>(INCIDENT_STORY, { id: "microsoft-exchange-2021" }),
      (result) => !result.errors,
    );
    expect(whole.errors).toBeUndefined();
    expect(whole.data.incident.legalActions.nodes.map((l: any) => l.id)).toContain(
      "us-v-ding-xiaoyang-2021",
    );
    expect((await httpRequest(new URL("health/ready", federation.gatewayUrl))).status).toBe(200);
  });
});

// PostgreSQL restarts: requests fail fast with a clear code, nothing crashes, the pools
// reconnect by themselves, and an acknowledged write is still there afterwards.
describe("gateway > resilience > PostgreSQL restarts", () => {
  let server: EmbeddedDatabase;
  let dataDir: string;
  let federation: TestFederation;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(projectPath(".data"), "restart-"));
    server = await startEmbeddedPostgres({ dataDir, persistent: true });
    const url = await server.createDatabase("restart");
    await prepareDatabase(
      url,
      (await readBundles()).map(({ bundle }) => bundle),
    );
    federation = await startTestFederation(url, {
      database: { ...databaseConfig(url), connectTimeoutMs: 1_000 },
    });
  });
  afterAll(async () => {
    await federation?.stop();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers SERVICE_UNAVAILABLE during the outage and everything after it", async () => {
    const editor = await federation.token("editor");
    const write = await federation.query<any>(
      `mutation ($i: GovernmentInput!, $s: [SourceInput!]) { upsertGovernment(input: $i, sources: $s) { action } }`,
      {
        i: { id: "before-outage", name: "Before the outage", kind: "STATE", sources: ["s"] },
        s: [{ key: "s", publisher: "P", title: "T", language: "en" }],
      },
      { token: editor },
    );
    expect(write.data.upsertGovernment.action).toBe("CREATED");

    await server.stop();
    const during = await federation.query<any>(`{ governments { totalCount } }`);
    expect(during.errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");
    const subgraph = federation.subgraphs[0];
    expect((await httpRequest(new URL("health/ready", subgraph.url))).status).toBe(503);
    expect((await httpRequest(new URL("health/live", subgraph.url))).status).toBe(200);

    await server.start();
    const after = await until(
      () => federation.query<any>(`{ government(id: "before-outage") { name } }`),
      (result) => !result.errors,
    );
    expect(after.data.government).toEqual({ name: "Before the outage" });
  });
});
