import "reflect-metadata";
import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node" with { "resolution-mode": "import" };
import { datasetDatabase, dropDatabase, openPostgresServer } from "../../harness/database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A server URL whose database may be used to CREATE DATABASE (tests make their own). */
    serverUrl: string;
    /** A database migrated and loaded with the shipped dataset (read-only for tests). */
    datasetUrl: string;
    /** This run's id: test/helpers/build.ts builds dist/ once per run. */
    runId: string;
    /** The dataset and the galaxy, copied by galaxy-database.ts (built by the first to ask). */
    galaxyTemplate: string;
  }
}

/**
 * One PostgreSQL for the whole run: DATABASE_URL's server when set (a fresh database per run,
 * dropped afterwards), else an embedded server in a temporary directory.
 */
export default async function setup(project: TestProject) {
  const server = await openPostgresServer("test");
  const { serverUrl } = server;
  const datasetUrl = await datasetDatabase(serverUrl, "dataset");
  project.provide("serverUrl", serverUrl);
  project.provide("datasetUrl", datasetUrl);
  const runId = randomUUID();
  project.provide("runId", runId);
  const galaxyTemplate = `ag_galaxy_${runId.replaceAll("-", "")}`;
  project.provide("galaxyTemplate", galaxyTemplate);
  return async () => {
    await dropDatabase(serverUrl, datasetUrl);
    const template = new URL(serverUrl);
    template.pathname = `/${galaxyTemplate}`;
    await dropDatabase(serverUrl, template.toString());
    await server.stop();
  };
}
