import "reflect-metadata";
import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node" with { "resolution-mode": "import" };
import { startEmbeddedPostgres } from "../../services/common/embedded-postgres";
import { projectPath } from "../../services/common/paths";
import { readBundles } from "../../services/dataset";
import { createDatabase, dropDatabase, prepareDatabase } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A server URL whose database may be used to CREATE DATABASE (tests make their own). */
    serverUrl: string;
    /** A database migrated and loaded with the shipped dataset (read-only for tests). */
    datasetUrl: string;
  }
}

/**
 * One PostgreSQL for the whole run: DATABASE_URL's server when set (a fresh database per run,
 * dropped afterwards), else an embedded server in a temporary directory.
 */
export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  let serverUrl: string;
  let stopServer = async () => undefined as void;
  if (external) {
    serverUrl = external;
  } else {
    mkdirSync(projectPath(".data"), { recursive: true });
    const dataDir = mkdtempSync(join(projectPath(".data"), "test-"));
    const server = await startEmbeddedPostgres({ dataDir, persistent: false });
    serverUrl = `${server.serverUrl}/postgres`;
    stopServer = () => server.stop();
  }
  const datasetUrl = await createDatabase(serverUrl, "dataset");
  await prepareDatabase(
    datasetUrl,
    (await readBundles()).map(({ bundle }) => bundle),
  );
  project.provide("serverUrl", serverUrl);
  project.provide("datasetUrl", datasetUrl);
  return async () => {
    await dropDatabase(serverUrl, datasetUrl);
    await stopServer();
  };
}
