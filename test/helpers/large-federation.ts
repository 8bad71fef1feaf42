import { expect } from "vitest";
import { KeyStore } from "../../gateway/access/keys";
import { databaseConfig, datasetDatabase, dropDatabase } from "../../harness/database";
import { type ServiceProcesses, startServiceProcesses } from "../../harness/process-federation";
import { type GraphQLResponse, postGraphQL } from "../../scripts/graphql-client";
import { buildServer } from "./build";
import { TEST_IDENTITY_SECRET } from "./federation";
import {
  LARGE_SOURCES,
  LARGE_STATEMENTS,
  UPSERT_STATEMENT,
  largeStatementInput,
} from "./large-statements";

export interface LargeFederation {
  services: ServiceProcesses;
  /** Process ids by service: "gateway", "governments", ... */
  pids: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * The services as deployed (one process each, default limits, signed with
 * TEST_IDENTITY_SECRET) over the shipped dataset and the large statements, written through the
 * API (validated as any write), then restarted with a heap of `heapMiB` (as npm start's
 * SERVICE_MAX_OLD_SPACE_MB): what a test then measures are reads alone.
 */
export async function startLargeFederation(
  serverUrl: string,
  heapMiB: number,
): Promise<LargeFederation> {
  await buildServer();
  const databaseUrl = await datasetDatabase(serverUrl, "large");
  const keys = await KeyStore.open(databaseConfig(databaseUrl));
  const editor = (await keys.create("large statements editor", "editor")).token;
  await keys.close();
  const start = (nodeOptions?: string) =>
    startServiceProcesses({
      databaseUrl,
      workers: 1,
      poolSize: 10,
      identitySecret: TEST_IDENTITY_SECRET,
      responseCacheMaxAge: 0,
      nodeOptions,
    });
  const writer = await start();
  try {
    await writeLargeStatements(writer.gatewayUrl, editor);
  } finally {
    await writer.stop();
  }
  const services = await start(`--max-old-space-size=${heapMiB}`);
  const pids = Object.fromEntries(
    services.processes.map(({ child }) => [
      /(gateway|services\/([\w-]+))\/main\.js$/.exec(child.spawnargs.at(-1)!)![2] ?? "gateway",
      child.pid!,
    ]),
  );
  return {
    services,
    pids,
    async stop() {
      await services.stop();
      await dropDatabase(serverUrl, databaseUrl);
    },
  };
}

async function writeLargeStatements(gatewayUrl: string, editor: string) {
  for (let i = 0; i < LARGE_STATEMENTS; i += 4) {
    await Promise.all(
      [i, i + 1, i + 2, i + 3].map(async (n) => {
        const written = await postGraphQL<any>(
          gatewayUrl,
          {
            query: UPSERT_STATEMENT,
            variables: { input: largeStatementInput(n), sources: LARGE_SOURCES },
          },
          { token: editor },
        );
        expect(written.errors, JSON.stringify(written.errors)).toBeUndefined();
      }),
    );
  }
}

const NORMAL = `{ government(id: "us") { name } }`;

/**
 * Runs `attack` while another client, from another address (127.0.0.2), asks a small query every
 * 100 ms; fails unless every one of its requests was answered.
 */
export async function whileAnotherClientReads<T>(
  gatewayUrl: string,
  attack: () => Promise<T>,
): Promise<T> {
  const failures: string[] = [];
  let answered = 0;
  let attacking = true;
  const other = (async () => {
    while (attacking) {
      const answer: GraphQLResponse<any> = await postGraphQL(
        gatewayUrl,
        { query: NORMAL },
        { localAddress: "127.0.0.2" },
      );
      if (answer.data?.government?.name) answered += 1;
      else failures.push(`${answer.status} ${JSON.stringify(answer.errors)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    return await attack();
  } finally {
    attacking = false;
    await other;
    expect(failures, "the other client's failures").toEqual([]);
    expect(answered).toBeGreaterThan(0);
  }
}
