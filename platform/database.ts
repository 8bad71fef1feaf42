import { type Pool, types } from "pg";
import { SnakeNamingStrategy } from "./naming";
import { timestamptzParser } from "./timestamps";
import {
  DataSource,
  type EntityManager,
  type EntitySchema,
  type Logger,
  type MixedList,
  type ObjectLiteral,
  QueryFailedError,
} from "typeorm";

// DATE columns stay ISO strings ("2021-07-19"): a JS Date would shift them by the time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);
// Record times (TIMESTAMPTZ) read by character codes: pg's parser was 8 % of a list's CPU.
types.setTypeParser(
  types.builtins.TIMESTAMPTZ,
  timestamptzParser(types.getTypeParser(types.builtins.TIMESTAMPTZ)),
);

export interface DatabaseConfig {
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
  connectTimeoutMs: number;
}

/** Counts SQL statements: tests assert that a query's cost does not grow with its rows. */
export class StatementCounter implements Logger {
  count = 0;
  /** When set, every statement run is appended to it (test/e2e/services/explain.test.ts EXPLAINs them). */
  recording: { query: string; parameters?: unknown[] }[] | undefined;
  logQuery(query: string, parameters?: unknown[]): void {
    this.count += 1;
    this.recording?.push({ query, parameters });
  }
  logQueryError(): void {
    this.count += 1;
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export function createDataSource(
  config: DatabaseConfig,
  options: {
    schema: string;
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    entities: MixedList<Function | string | EntitySchema>;
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    migrations: MixedList<Function | string>;
    logger?: Logger;
  },
): DataSource {
  return new DataSource({
    type: "postgres",
    url: config.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "migrations",
    migrationsTransactionMode: "each",
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: options.logger ?? new StatementCounter(),
    applicationName: `attribution-graph:${options.schema}`,
    poolSize: config.poolSize,
    connectTimeoutMS: config.connectTimeoutMs,
    extra: {
      statement_timeout: config.statementTimeoutMs,
      idleTimeoutMillis: 30_000,
    },
    // A missing id must never turn into "match every row".
    invalidWhereValuesBehavior: { null: "throw", undefined: "throw" },
  });
}

/**
 * Runs one statement in `manager`'s transaction when it is in one, else straight on the data
 * source's pg pool, and returns its rows. `DataSource.query` makes a query runner per statement
 * (it takes a client, broadcasts before and after, wraps the result, releases); going around it
 * took the subgraphs' CPU per request on the benchmark's reads to 0.81x-1.08x (median 0.90x) of
 * what it was (BENCHMARKS.md, "Seventh session"). Logged and failing as TypeORM's would be: the data
 * source's logger sees it (the statement counter), and a failure is a QueryFailedError
 * (platform/postgres-errors.ts).
 */
export async function queryRows<T = ObjectLiteral>(
  on: DataSource | EntityManager,
  sql: string,
  values: unknown[],
): Promise<T[]> {
  const [db, runner] = on instanceof DataSource ? [on, undefined] : [on.connection, on.queryRunner];
  const pool = (db.driver as { master?: Pool }).master;
  if (runner || !pool) return (await on.query(sql, values)) as T[];
  db.logger.logQuery(sql, values);
  try {
    return (await pool.query(sql, values)).rows as T[];
  } catch (error) {
    db.logger.logQueryError(error as Error, sql, values);
    throw new QueryFailedError(sql, values, error as Error);
  }
}

/**
 * Creates the subgraph's schema (TypeORM does not) unless it exists, and applies pending
 * migrations. An advisory lock serialises replicas and sibling subgraphs starting together:
 * CREATE EXTENSION races.
 */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock(hashtext('attribution-graph:migrate'))");
    // Asked first: a role that owns its schema may lack CREATE on the database, which even
    // CREATE SCHEMA IF NOT EXISTS requires.
    const [{ present }] = await dataSource.query(
      "SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = $1) AS present",
      [schema],
    );
    if (!present) await dataSource.query(`CREATE SCHEMA "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: "each" });
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query("SELECT pg_advisory_unlock(hashtext('attribution-graph:migrate'))");
    await lock.release();
  }
}
