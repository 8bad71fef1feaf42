import { mkdirSync } from "node:fs";
import { Client } from "pg";
import { startEmbeddedPostgres, storedPassword } from "./embedded-postgres";
import { SERVICE_SCHEMAS, type ServiceName, prepareServiceRoles } from "./database-roles";
import { type Env, getEnvPort, getEnvUrl, redact } from "../platform/env";
import { projectPath } from "../platform/paths";

export const EMBEDDED_DATABASE = "attribution_graph";

export interface LocalDatabase {
  /** Where the data is, for a log line (no password). */
  description: string;
  /** The URL each service connects with: its own role when embedded, DATABASE_URL's otherwise. */
  urls: Record<ServiceName, string>;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL, else the embedded PostgreSQL of `npm start` (`dataDir`, .data/postgres by
 * default; port EMBEDDED_PG_PORT): reused when it already runs, started otherwise. On the
 * embedded server every service connects as a login role owning its schema (database-roles.ts).
 */
export async function localDatabase(
  env: Env,
  dataDir = projectPath(".data", "postgres"),
): Promise<LocalDatabase> {
  const url = getEnvUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"]);
  if (url) {
    const urls = Object.fromEntries(Object.keys(SERVICE_SCHEMAS).map((name) => [name, url]));
    return {
      description: redact(url),
      urls: urls as Record<ServiceName, string>,
      stop: async () => undefined,
    };
  }
  const port = getEnvPort(env, "EMBEDDED_PG_PORT", 54329);
  let superuserUrl = await runningEmbedded(dataDir, port);
  let stop = async (): Promise<void> => undefined;
  if (!superuserUrl) {
    mkdirSync(dataDir, { recursive: true });
    const server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    superuserUrl = await server.createDatabase(EMBEDDED_DATABASE);
    stop = () => server.stop();
  }
  return {
    description: `embedded, in ${dataDir} (port ${port}; one role per service)`,
    urls: await prepareServiceRoles(superuserUrl, new URL(superuserUrl).password),
    stop,
  };
}

/** The superuser's URL of the embedded server when it already runs (another npm start). */
async function runningEmbedded(dataDir: string, port: number): Promise<string | undefined> {
  const password = storedPassword(dataDir);
  if (!password) return undefined;
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    return url;
  } catch {
    return undefined;
  }
}
