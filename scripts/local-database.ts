import { existsSync, mkdirSync, readFileSync, realpathSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { Client } from "pg";
import { startEmbeddedPostgres, storedPassword } from "./embedded-postgres";
import { SERVICE_SCHEMAS, type ServiceName, prepareServiceRoles } from "./database-roles";
import { type Env, getEnvPort, getEnvUrl, redact } from "../platform/env";
import { projectPath } from "../platform/paths";

export const EMBEDDED_DATABASE = "attribution_graph";

export interface LocalDatabase {
  /** Where the data is, for a log line (no password). */
  description: string;
  /** Where the data stays after a stop: the data directory, or DATABASE_URL without password. */
  dataLocation: string;
  /** Whether this process started the server (and stops it). */
  embeddedStarted: boolean;
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
      dataLocation: redact(url),
      embeddedStarted: false,
      urls: urls as Record<ServiceName, string>,
      stop: async () => undefined,
    };
  }
  const port = getEnvPort(env, "EMBEDDED_PG_PORT", 54329);
  let superuserUrl = await runningEmbedded(dataDir, port);
  const reused = superuserUrl !== undefined;
  let stop = async (): Promise<void> => undefined;
  if (!superuserUrl) {
    mkdirSync(dataDir, { recursive: true });
    const server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    superuserUrl = await server.createDatabase(EMBEDDED_DATABASE);
    stop = () => server.stop();
  }
  return {
    description: `embedded, in ${dataDir} (port ${port}; one role per service)`,
    dataLocation: dataDir,
    embeddedStarted: !reused,
    urls: await prepareServiceRoles(superuserUrl, new URL(superuserUrl).password),
    stop,
  };
}

/**
 * The superuser's URL of this checkout's embedded server when it already runs (another npm
 * start), undefined when nothing listens on `port`. Anything else on the port (another
 * checkout's server included) stops the command: its data is not ours to use.
 */
async function runningEmbedded(dataDir: string, port: number): Promise<string | undefined> {
  const ownPort = runningPort(dataDir);
  if (ownPort !== undefined && ownPort !== port) {
    throw new Error(
      `this checkout's embedded PostgreSQL (${dataDir}) already runs on port ${ownPort}, not ${port}: set EMBEDDED_PG_PORT=${ownPort}, or stop the npm start that runs it`,
    );
  }
  if (!(await listening(port))) return undefined;
  const foreign = new Error(
    `port ${port} is taken by another PostgreSQL (or program) than this checkout's embedded one in ${dataDir}: stop it, or set EMBEDDED_PG_PORT to a free port`,
  );
  const password = storedPassword(dataDir);
  if (!password) throw foreign;
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    const { rows } = await probe.query<{ data_directory: string }>("SHOW data_directory");
    if (realpathSync(rows[0].data_directory) !== realpathSync(dataDir)) throw foreign;
    return url;
  } catch {
    throw foreign;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/** The port in `dataDir`'s postmaster.pid when its server process is alive. */
function runningPort(dataDir: string): number | undefined {
  const file = join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const [pid, , , port] = readFileSync(file, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch {
    return undefined; // left behind by a server that died
  }
  return Number(port) || undefined;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port, timeout: 2000 });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}
