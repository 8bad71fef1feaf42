import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildServer } from "../../helpers/build";
import { KeyStore } from "../../../gateway/access/keys";
import { databaseConfig, datasetDatabase, dropDatabase } from "../../../harness/database";
import { type ServiceProcesses, startServiceProcesses } from "../../../harness/process-federation";
import { type GraphQLRequest, postGraphQL } from "../../../scripts/graphql-client";

const COUNT = "{ statements(first: 1) { totalCount } }";
const UPSERT = /* GraphQL */ `
  mutation Upsert($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) {
      action
    }
  }
`;

/** A new connection per request: the cluster hands connections to its workers in turn. */
const onNewConnection = (url: string, request: GraphQLRequest, token?: string) =>
  postGraphQL<any>(url, request, { token, newConnection: true });

// WORKERS=2: each subgraph and the gateway run two node:cluster workers on one port; a write
// through one gateway worker drops the cached reads of every worker before it is answered.
describe("platform > cluster > workers per core", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let federation: ServiceProcesses;
  let editor: string;
  beforeAll(async () => {
    await buildServer();
    databaseUrl = await datasetDatabase(serverUrl, "cluster");
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
          const answer = await onNewConnection(federation.gatewayUrl, { query: COUNT });
          expect(answer.errors).toBeUndefined();
          return answer.data.statements.totalCount as number;
        }),
      );
    const before = await counts(); // every worker now holds the answer in its cache
    expect(new Set(before).size).toBe(1);
    const written = await onNewConnection(
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
