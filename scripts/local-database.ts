import { mkdirSync } from "node:fs";
import { Client } from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { type Env, getEnvPort, getEnvUrl } from "../platform/env";
import { projectPath } from "../platform/paths";

export const EMBEDDED_DATABASE = "attribution_graph";

/**
 * DATABASE_URL, else the embedded PostgreSQL of `npm start` (.data/postgres, port
 * EMBEDDED_PG_PORT): reused when it already runs, started otherwise.
 */
export async function localDatabase(env: Env): Promise<{ url: string; stop(): Promise<void> }> {
  const url = getEnvUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"]);
  if (url) return { url, stop: async () => undefined };
  const port = getEnvPort(env, "EMBEDDED_PG_PORT", 54329);
  const embeddedUrl = `postgres://postgres:postgres@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  const probe = new Client({ connectionString: embeddedUrl, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    return { url: embeddedUrl, stop: async () => undefined };
  } catch {
    const dataDir = projectPath(".data", "postgres");
    mkdirSync(dataDir, { recursive: true });
    const server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    return { url: await server.createDatabase(EMBEDDED_DATABASE), stop: () => server.stop() };
  }
}
