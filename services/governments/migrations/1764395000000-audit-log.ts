import type { MigrationInterface, QueryRunner } from "typeorm";
import { auditTableSql } from "../../kit/audit";

export class AuditLog1764395000000 implements MigrationInterface {
  name = "AuditLog1764395000000";

  async up(db: QueryRunner): Promise<void> {
    for (const sql of auditTableSql("governments")) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE governments.audit_log`);
  }
}
