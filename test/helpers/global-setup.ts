import "reflect-metadata";
import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node" with { "resolution-mode": "import" };
import { Client } from "pg";
import { datasetDatabase, dropDatabase, openPostgresServer } from "../../harness/database";
import { subgraphs } from "../../services";

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

interface Run {
  serverUrl: string;
  datasetUrl: string;
  runId: string;
  galaxyTemplate: string;
  stop(): Promise<void>;
}

/**
 * One PostgreSQL for the whole run: DATABASE_URL's server when set (a fresh database per run,
 * dropped afterwards), else an embedded server in a temporary directory.
 */
async function startRun(): Promise<Run> {
  const server = await openPostgresServer("test");
  const { serverUrl } = server;
  const datasetUrl = await datasetDatabase(serverUrl, "dataset");
  await refuseRecordWrites(datasetUrl);
  const runId = randomUUID();
  const galaxyTemplate = `ag_galaxy_${runId.replaceAll("-", "")}`;
  const stop = async () => {
    await dropDatabase(serverUrl, datasetUrl);
    const template = new URL(serverUrl);
    template.pathname = `/${galaxyTemplate}`;
    await dropDatabase(serverUrl, template.toString());
    await server.stop();
  };
  return { serverUrl, datasetUrl, runId, galaxyTemplate, stop };
}

/**
 * Every file reads the shared dataset database, two files at a time: a file that wrote records
 * there made another's comparison fail now and then. Its record tables now refuse any write (a
 * statement trigger, which binds superusers too); a file that writes takes its own copy
 * (`datasetDatabase`). The key store (`access`) stays writable: every federation keeps its admin
 * key there.
 */
async function refuseRecordWrites(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE FUNCTION public.refuse_record_write() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN
        RAISE EXCEPTION 'the tests'' shared dataset database is read-only: a test file that writes records uses its own copy (harness/database.ts datasetDatabase)';
      END $$`);
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
       WHERE schemaname = ANY($1) AND tablename <> 'migrations'`,
      [subgraphs.map((s) => s.definition.dbSchema)],
    );
    for (const { name } of rows) {
      await client.query(`CREATE TRIGGER refuse_record_write
        BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${name}
        FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_record_write()`);
    }
  } finally {
    await client.end();
  }
}

// Both end-to-end projects (files two at a time, then the files that run alone) share one run:
// vitest calls each project's global setup, in this one process.
const shared = globalThis as { e2eRun?: Promise<Run>; e2eProjects?: number };

export default async function setup(project: TestProject) {
  shared.e2eRun ??= startRun();
  shared.e2eProjects = (shared.e2eProjects ?? 0) + 1;
  const { stop, ...provided } = await shared.e2eRun;
  for (const [key, value] of Object.entries(provided)) {
    project.provide(key as keyof typeof provided, value);
  }
  return async () => {
    shared.e2eProjects! -= 1;
    if (shared.e2eProjects === 0) await stop();
  };
}
