import type { MigrationInterface, QueryRunner } from "typeorm";
import { SLUG_CHECK } from "../../kit/sql";

/**
 * Where a threat actor is said to operate from, apart from who sponsors it: a government id, who
 * says so and the keys of the actor's sources that say it (MISP's galaxy gives a `country` for
 * ~480 actors, a CFR sponsor for ~100). Indexed for `filter.suspectedOrigin`.
 */
export class SuspectedOrigin1764600100000 implements MigrationInterface {
  name = "SuspectedOrigin1764600100000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE incidents.threat_actor
      ADD COLUMN suspected_origin_id text ${SLUG_CHECK("suspected_origin_id")},
      ADD COLUMN suspected_origin_by text CHECK (suspected_origin_by <> ''),
      ADD COLUMN suspected_origin_sources text[] NOT NULL DEFAULT '{}',
      ADD CHECK (suspected_origin_id IS NOT NULL
                 OR (suspected_origin_by IS NULL AND suspected_origin_sources = '{}'))`);
    await db.query(`CREATE INDEX threat_actor_suspected_origin_idx ON incidents.threat_actor
      (suspected_origin_id) WHERE suspected_origin_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS incidents.threat_actor_suspected_origin_idx`);
    await db.query(`ALTER TABLE incidents.threat_actor DROP COLUMN suspected_origin_sources,
      DROP COLUMN suspected_origin_by, DROP COLUMN suspected_origin_id`);
  }
}
