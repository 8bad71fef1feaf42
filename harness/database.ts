import "reflect-metadata";
import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { Client } from "pg";
import { KeyStore } from "../gateway/access/keys";
import type { Bundle } from "../platform/bundle";
import type { DatabaseConfig } from "../platform/database";
import { startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { projectPath } from "../platform/paths";
import { loadBundle, withSubgraphDatabase } from "../services/kit/subgraph";
import { subgraphs } from "../services";
import { readBundles } from "../services/dataset";

export function databaseConfig(
  url: string,
  {
    poolSize = 5,
    statementTimeoutMs = 10_000,
  }: { poolSize?: number; statementTimeoutMs?: number } = {},
): DatabaseConfig {
  return { url, poolSize, statementTimeoutMs, connectTimeoutMs: 5_000 };
}

export interface PostgresServer {
  /** A URL of the server's maintenance database, for CREATE / DROP DATABASE. */
  serverUrl: string;
  /** Where it is, for a log line. */
  description: string;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL's server when set (callers create their own databases on it), else an embedded
 * server in a new temporary directory under .data (`<label>-*`), deleted when stopped.
 */
export async function openPostgresServer(label: string): Promise<PostgresServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      serverUrl: external,
      description: "the server of DATABASE_URL",
      stop: async () => undefined,
    };
  }
  mkdirSync(projectPath(".data"), { recursive: true });
  const dataDir = mkdtempSync(join(projectPath(".data"), `${label}-`));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  return {
    serverUrl: `${server.serverUrl}/postgres`,
    description: `embedded, in ${dataDir} (deleted when stopped)`,
    stop: () => server.stop(),
  };
}

/**
 * A new database on the server of `serverUrl`, named uniquely for this run: empty, or a copy of
 * the database `template`.
 */
export async function createDatabase(
  serverUrl: string,
  label: string,
  template?: string,
): Promise<string> {
  const name = `ag_${label}_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
  await onServer(
    serverUrl,
    `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`,
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

async function onServer(serverUrl: string, sql: string) {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Applies the gateway's key store and every subgraph's migrations, then loads `bundles`. */
export async function prepareDatabase(url: string, bundles: Bundle[] = []): Promise<void> {
  // Few connections; a minute per statement, for an index built over a large table.
  const config = databaseConfig(url, { poolSize: 2, statementTimeoutMs: 60_000 });
  await (await KeyStore.open(config)).close();
  for (const { definition } of subgraphs) {
    await withSubgraphDatabase(definition, config, { migrate: true }, async (db) => {
      for (const bundle of bundles) await loadBundle(definition, db.manager, bundle);
    });
  }
}

/** A new database (`label`) holding the shipped dataset, as a first `npm start` leaves it. */
export async function datasetDatabase(serverUrl: string, label: string): Promise<string> {
  const url = await createDatabase(serverUrl, label);
  try {
    await prepareDatabase(
      url,
      (await readBundles()).map(({ bundle }) => bundle),
    );
    return url;
  } catch (error) {
    await dropDatabase(serverUrl, url);
    throw error;
  }
}
