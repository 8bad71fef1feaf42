import type { MigrationInterface, QueryRunner } from "typeorm";
import { sourceRegistrySql } from "../../kit/source-registry";

/**
 * Sources as records (issue 22): the legal source registry, one row per key, filled from the
 * copies its records keep; a key stored with several definitions stays out (SOURCE_CONFLICT).
 */
export class SourceRegistry1764700200000 implements MigrationInterface {
  name = "SourceRegistry1764700200000";

  async up(db: QueryRunner): Promise<void> {
    for (const sql of sourceRegistrySql("legal", [
      "legal_action",
      "person",
      "person_name",
      "person_affiliation",
    ]))
      await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "legal".source`);
  }
}
