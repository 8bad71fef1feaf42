import type { MigrationInterface, QueryRunner } from "typeorm";
import { recordTimeSql } from "../../kit/record-time";
import { tombstoneTableSql } from "../../kit/tombstones";

const RECORD_TABLES = ["government", "agency", "official", "statement", "attribution"];

/**
 * System time: Governments, agencies, officials, statements and attributions get `created_at`, `updated_at` (the migration's time for existing rows)
 * and `revision` (1), indexed on (updated_at, id); deletes leave tombstones.
 */
export class RecordTime1764500000000 implements MigrationInterface {
  name = "RecordTime1764500000000";

  async up(db: QueryRunner): Promise<void> {
    for (const sql of recordTimeSql("governments", RECORD_TABLES)) await db.query(sql);
    for (const sql of tombstoneTableSql("governments")) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "governments".tombstone`);
    for (const table of RECORD_TABLES) {
      await db.query(`DROP INDEX "governments".${table}_updated_idx`);
      await db.query(`ALTER TABLE "governments".${table}
        DROP COLUMN created_at, DROP COLUMN updated_at, DROP COLUMN revision`);
    }
  }
}
