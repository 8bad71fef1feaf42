import type { MigrationInterface, QueryRunner } from "typeorm";
import { sourceRegistrySql } from "../../kit/source-registry";

/**
 * Sources as records (issue 22): the governments source registry, one row per key, filled from the
 * copies its records keep; a key stored with several definitions stays out (SOURCE_CONFLICT).
 */
export class SourceRegistry1764700000000 implements MigrationInterface {
  name = "SourceRegistry1764700000000";

  async up(db: QueryRunner): Promise<void> {
    for (const sql of sourceRegistrySql("governments", [
      "government",
      "agency",
      "official",
      "statement",
    ]))
      await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "governments".source`);
  }
}
