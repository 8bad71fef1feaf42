import { mkdirSync } from "node:fs";
import { Client } from "pg";
import { startEmbeddedPostgres } from "../services/common/embedded-postgres";
import { projectPath } from "../services/common/paths";

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

/** `--name value` and `--name=value` options of a command line (the latter for values like `--x`). */
export function parseOptions(argv: string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i];
    if (!name.startsWith("--")) throw new Error(`unexpected argument "${name}"`);
    const equals = name.indexOf("=");
    if (equals > 0) {
      options.set(name.slice(2, equals), name.slice(equals + 1));
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) {
      options.set(name.slice(2), "true");
    } else {
      options.set(name.slice(2), value);
      i += 1;
    }
  }
  return options;
}

export function positiveInt(options: Map<string, string>, name: string, fallback: number) {
  const raw = options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, "").replace(/k$/i, "000"));
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name}: not a positive integer: ${raw}`);
  return value;
}
