import "reflect-metadata";
import { Client } from "pg";
import type { Bundle } from "../../services/common/bundle";
import type { DatabaseConfig } from "../../services/common/database";
import { loadBundle, withSubgraphDatabase } from "../../services/common/subgraph";
import { KeyStore } from "../../gateway/access/keys";
import { subgraphs } from "../../services";

export function databaseConfig(url: string): DatabaseConfig {
  return { url, poolSize: 5, statementTimeoutMs: 10_000, connectTimeoutMs: 5_000 };
}

/** A new, empty database on the test server, named uniquely for this run. */
export async function createDatabase(serverUrl: string, label: string): Promise<string> {
  const name = `ag_${label}_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Applies every subgraph's migrations, then loads `bundles` through the subgraphs' loaders. */
export async function prepareDatabase(url: string, bundles: Bundle[]): Promise<void> {
  await (await KeyStore.open(databaseConfig(url))).close();
  for (const { definition } of subgraphs) {
    await withSubgraphDatabase(definition, databaseConfig(url), { migrate: true }, async (db) => {
      for (const bundle of bundles) await loadBundle(definition, db.manager, bundle);
    });
  }
}
