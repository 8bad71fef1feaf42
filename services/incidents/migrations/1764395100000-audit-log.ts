import type { MigrationInterface, QueryRunner } from "typeorm";
import { auditTableSql } from "../../kit/audit";

export class AuditLog1764395100000 implements MigrationInterface {
  name = "AuditLog1764395100000";

  async up(db: QueryRunner): Promise<void> {
    for (const sql of auditTableSql("incidents")) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE incidents.audit_log`);
  }
}
