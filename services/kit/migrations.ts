import type { MigrationInterface, QueryRunner } from "typeorm";
import { auditTableSql } from "./audit";
import { recordTimeSql } from "./record-time";
import { sourceForkSql, sourceRegistrySql } from "./source-registry";
import { tombstoneTableSql } from "./tombstones";

/**
 * A migration that runs `up`'s statements, then on revert `down`'s, one by one in order. Each
 * subgraph extends it with its own class, whose name TypeORM records and orders by.
 */
export function statementsMigration(name: string, up: string[], down: string[]) {
  return class implements MigrationInterface {
    name = name;

    async up(db: QueryRunner): Promise<void> {
      for (const sql of up) await db.query(sql);
    }

    async down(db: QueryRunner): Promise<void> {
      for (const sql of down) await db.query(sql);
    }
  };
}

/** The schema's audit table (audit.ts). */
export const auditLogMigration = (name: string, schema: string) =>
  statementsMigration(name, auditTableSql(schema), [`DROP TABLE ${schema}.audit_log`]);

/** System time on the schema's record `tables` (record-time.ts), and its tombstone table. */
export const recordTimeMigration = (name: string, schema: string, tables: string[]) =>
  statementsMigration(
    name,
    [...recordTimeSql(schema, tables), ...tombstoneTableSql(schema)],
    [
      `DROP TABLE "${schema}".tombstone`,
      ...tables.flatMap((table) => [
        `DROP INDEX "${schema}".${table}_updated_idx`,
        `ALTER TABLE "${schema}".${table}
        DROP COLUMN created_at, DROP COLUMN updated_at, DROP COLUMN revision`,
      ]),
    ],
  );

/** The schema's source registry, filled from the copies its record `tables` keep. */
export const sourceRegistryMigration = (name: string, schema: string, tables: string[]) =>
  statementsMigration(name, sourceRegistrySql(schema, tables), [`DROP TABLE "${schema}".source`]);

/**
 * Indexes the `sources` of the schema's citing `tables` (GIN, jsonb_path_ops): a write's source
 * check finds the records citing a key without reading every record's sources.
 */
export const sourceIndexMigration = (name: string, schema: string, tables: string[]) =>
  statementsMigration(
    name,
    tables.map(
      (table) =>
        `CREATE INDEX ${table}_sources_idx ON "${schema}".${table} USING gin (sources jsonb_path_ops)`,
    ),
    tables.map((table) => `DROP INDEX "${schema}".${table}_sources_idx`),
  );

/** The keys the registry left out as forked (source-registry.ts sourceForkSql). */
export const sourceForkMigration = (name: string, schema: string, tables: string[]) =>
  statementsMigration(name, sourceForkSql(schema, tables), [`DROP TABLE "${schema}".source_fork`]);
