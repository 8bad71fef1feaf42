import { mkdirSync } from "node:fs";
import { Client } from "pg";
import { databaseConfig } from "../harness/database";
import type { DatabaseConfig } from "../platform/database";
import { startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { projectPath } from "../platform/paths";

export interface BenchDatabase {
  url: string;
  /** A URL of the same server's maintenance database (for CREATE / DROP DATABASE). */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The benchmark's own PostgreSQL: `databaseUrl` when given, else database `bench_<n>` on an
 * embedded server in .data/bench (never the `npm start` data in .data/postgres).
 */
export async function openBenchDatabase(
  statements: number,
  databaseUrl: string | undefined,
): Promise<BenchDatabase> {
  if (databaseUrl) {
    const admin = new URL(databaseUrl);
    admin.pathname = "/postgres";
    return { url: databaseUrl, adminUrl: admin.toString(), stop: async () => undefined };
  }
  const dataDir = projectPath(".data", "bench");
  mkdirSync(dataDir, { recursive: true });
  const server = await startEmbeddedPostgres({ dataDir, persistent: true });
  return {
    url: `${server.serverUrl}/bench_${statements}`,
    adminUrl: `${server.serverUrl}/postgres`,
    stop: () => server.stop(),
  };
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
