import "reflect-metadata";
import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node" with { "resolution-mode": "import" };
import {
  createDatabase,
  dropDatabase,
  openPostgresServer,
  prepareDatabase,
} from "../../harness/database";
import { readBundles } from "../../services/dataset";

declare module "vitest" {
  export interface ProvidedContext {
    /** A server URL whose database may be used to CREATE DATABASE (tests make their own). */
    serverUrl: string;
    /** A database migrated and loaded with the shipped dataset (read-only for tests). */
    datasetUrl: string;
    /** This run's id: test/helpers/build.ts builds dist/ once per run. */
    runId: string;
  }
}

/**
 * One PostgreSQL for the whole run: DATABASE_URL's server when set (a fresh database per run,
 * dropped afterwards), else an embedded server in a temporary directory.
 */
export default async function setup(project: TestProject) {
  const server = await openPostgresServer("test");
  const { serverUrl } = server;
  const datasetUrl = await createDatabase(serverUrl, "dataset");
  await prepareDatabase(
    datasetUrl,
    (await readBundles()).map(({ bundle }) => bundle),
  );
  project.provide("serverUrl", serverUrl);
  project.provide("datasetUrl", datasetUrl);
  project.provide("runId", randomUUID());
  return async () => {
    await dropDatabase(serverUrl, datasetUrl);
    await server.stop();
  };
}
