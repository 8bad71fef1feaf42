import { execFileSync } from "node:child_process";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { KeyStore } from "../../../gateway/access/keys";
import { projectPath } from "../../../platform/paths";
import { readBundles } from "../../../services/dataset";
import {
  createDatabase,
  databaseConfig,
  dropDatabase,
  prepareDatabase,
} from "../../../harness/database";
import { type ServiceProcesses, startServiceProcesses } from "../../../harness/process-federation";

const COUNT = "{ statements(first: 1) { totalCount } }";
const UPSERT = /* GraphQL */ `
  mutation Upsert($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) {
      action
    }
  }
`;

/** A new connection per request: the cluster hands connections to its workers in turn. */
function post(url: string, body: object, token?: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve(JSON.parse(text)));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

// WORKERS=2: each subgraph and the gateway run two node:cluster workers on one port; a write
// through one gateway worker drops the cached reads of every worker before it is answered.
describe("operations > workers per core", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let federation: ServiceProcesses;
  let editor: string;
  beforeAll(async () => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], {
      cwd: projectPath(),
      stdio: "ignore",
    });
    databaseUrl = await createDatabase(serverUrl, "cluster");
    await prepareDatabase(
      databaseUrl,
      (await readBundles()).map(({ bundle }) => bundle),
    );
    const keys = await KeyStore.open(databaseConfig(databaseUrl));
    editor = (await keys.create("cluster test editor", "editor")).token;
    await keys.close();
    federation = await startServiceProcesses({
      databaseUrl,
      workers: 2,
      poolSize: 2,
      responseCacheMaxAge: 300,
    });
  }, 180_000);
  afterAll(async () => {
    await federation?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("shows a write to the next read on every worker, cached or not", async () => {
    const counts = async () =>
      Promise.all(
        Array.from({ length: 6 }, async () => {
          const answer = await post(federation.gatewayUrl, { query: COUNT });
          expect(answer.errors).toBeUndefined();
          return answer.data.statements.totalCount as number;
        }),
      );
    const before = await counts(); // every worker now holds the answer in its cache
    expect(new Set(before).size).toBe(1);
    const written = await post(
      federation.gatewayUrl,
      {
        query: UPSERT,
        variables: {
          input: {
            id: "cluster-test-statement",
            kind: "PRESS_STATEMENT",
            issuedAt: "2024-05",
            issuer: "us",
            language: "en",
            title: "A statement written through one worker",
            quotes: [{ text: "We assess", language: "en" }],
            attributions: [],
            sources: ["cluster-source"],
          },
          sources: [
            {
              key: "cluster-source",
              url: "https://example.org/cluster",
              title: "Test",
              publisher: "Test publisher",
              language: "en",
            },
          ],
        },
      },
      editor,
    );
    expect(written.errors).toBeUndefined();
    expect(written.data.upsertStatement.action).toBe("CREATED");
    expect(await counts()).toEqual(Array(6).fill(before[0] + 1));
  });
});
