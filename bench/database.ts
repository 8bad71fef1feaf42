import { mkdirSync } from "node:fs";
import { Client } from "pg";
import { databaseConfig } from "../harness/database";
import type { DatabaseConfig } from "../platform/database";
import { startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { projectPath } from "../platform/paths";
import { redact } from "../platform/env";

export interface BenchDatabase {
  url: string;
  /** A URL of the same server's maintenance database (for CREATE / DROP DATABASE). */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The benchmark's own PostgreSQL: `databaseUrl` when given, else database `bench_<n>` on an
 * embedded server in .data/bench (never the `npm start` data in .data/postgres). With
 * `mustExist`, a missing database stops the command with the one that makes it.
 */
export async function openBenchDatabase(
  statements: number,
  databaseUrl: string | undefined,
  { mustExist = false } = {},
): Promise<BenchDatabase> {
  let database: BenchDatabase;
  if (databaseUrl) {
    const admin = new URL(databaseUrl);
    admin.pathname = "/postgres";
    database = { url: databaseUrl, adminUrl: admin.toString(), stop: async () => undefined };
  } else {
    const dataDir = projectPath(".data", "bench");
    mkdirSync(dataDir, { recursive: true });
    const server = await startEmbeddedPostgres({ dataDir, persistent: true });
    database = {
      url: `${server.serverUrl}/bench_${statements}`,
      adminUrl: `${server.serverUrl}/postgres`,
      stop: () => server.stop(),
    };
  }
  if (mustExist && !(await databaseExists(database))) {
    await database.stop();
    const where = databaseUrl ? ` --database-url ${redact(databaseUrl)}` : "";
    throw new Error(
      `no benchmark dataset of ${statements} statements (database ${new URL(database.url).pathname.slice(1)}): make it with npm run bench:data -- --statements ${statements}${where}`,
    );
  }
  return database;
}

async function databaseExists({ url, adminUrl }: BenchDatabase): Promise<boolean> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const name = new URL(url).pathname.slice(1);
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return found.rowCount === 1;
  } finally {
    await admin.end();
  }
}

/** Creates the database of `url` when it does not exist; with `fresh`, drops it first. */
export async function ensureDatabase(adminUrl: string, url: string, fresh: boolean) {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** The benchmarks' pools: `poolSize` connections, a minute per statement (a cold 100k plan). */
export function benchDatabaseConfig(url: string, poolSize = 10): DatabaseConfig {
  return databaseConfig(url, { poolSize, statementTimeoutMs: 60_000 });
}
