import type { MigrationInterface, QueryRunner } from "typeorm";
import { sourceRegistrySql } from "../../kit/source-registry";

/**
 * Sources as records (issue 22): the incidents source registry, one row per key, filled from the
 * copies its records keep; a key stored with several definitions stays out (SOURCE_CONFLICT).
 */
export class SourceRegistry1764700100000 implements MigrationInterface {
  name = "SourceRegistry1764700100000";

  async up(db: QueryRunner): Promise<void> {
    for (const sql of sourceRegistrySql("incidents", [
      "incident",
      "threat_actor",
      "timeline_event",
    ]))
      await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "incidents".source`);
  }
}
