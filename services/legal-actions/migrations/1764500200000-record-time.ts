import type { MigrationInterface, QueryRunner } from "typeorm";
import { recordTimeSql } from "../../kit/record-time";
import { tombstoneTableSql } from "../../kit/tombstones";

const RECORD_TABLES = ["legal_action", "person"];

/**
 * System time: legal actions and persons get `created_at`, `updated_at` (the migration's time for existing rows)
 * and `revision` (1), indexed on (updated_at, id); deletes leave tombstones.
 */
export class RecordTime1764500200000 implements MigrationInterface {
  name = "RecordTime1764500200000";

  async up(db: QueryRunner): Promise<void> {
    for (const sql of recordTimeSql("legal", RECORD_TABLES)) await db.query(sql);
    for (const sql of tombstoneTableSql("legal")) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "legal".tombstone`);
    for (const table of RECORD_TABLES) {
      await db.query(`DROP INDEX "legal".${table}_updated_idx`);
      await db.query(`ALTER TABLE "legal".${table}
        DROP COLUMN created_at, DROP COLUMN updated_at, DROP COLUMN revision`);
    }
  }
}
