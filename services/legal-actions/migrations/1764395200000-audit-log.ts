import type { MigrationInterface, QueryRunner } from "typeorm";
import { auditTableSql } from "../../kit/audit";

export class AuditLog1764395200000 implements MigrationInterface {
  name = "AuditLog1764395200000";

  async up(db: QueryRunner): Promise<void> {
    for (const sql of auditTableSql("legal")) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE legal.audit_log`);
  }
}
