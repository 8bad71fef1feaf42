import type { MigrationInterface, QueryRunner } from "typeorm";
import { SLUG_CHECK } from "../../kit/sql";

/**
 * Where a threat actor's names come from, at catalogue scale (MISP's galaxy: ~1,000 actors with
 * up to 40 aliases each): external ids, sponsor confidence, targets, the connector managing it,
 * and generated arrays of who named its aliases and of its external systems, GIN-indexed for
 * their filters. Aliases keep their `name`, so `search_names` and its trigram index still cover
 * every alias.
 */
export class ThreatActorProvenance1764420000000 implements MigrationInterface {
  name = "ThreatActorProvenance1764420000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE FUNCTION incidents.alias_named_by(aliases jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(array_agg(DISTINCT lower(a->>'namedBy')), '{}')
            FROM jsonb_array_elements(coalesce(aliases, '[]'::jsonb)) a
            WHERE a->>'namedBy' IS NOT NULL $$`);
    await db.query(`CREATE FUNCTION incidents.external_systems(ids jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(array_agg(DISTINCT e->>'system'), '{}')
            FROM jsonb_array_elements(coalesce(ids, '[]'::jsonb)) e $$`);
    await db.query(`ALTER TABLE incidents.threat_actor
      ADD COLUMN sponsor_confidence integer
        CHECK (sponsor_confidence BETWEEN 0 AND 100),
      ADD COLUMN targeted_country_ids text[] NOT NULL DEFAULT '{}'
        CHECK (array_to_string(targeted_country_ids, ',') ~ '^([a-z0-9]+(-[a-z0-9]+)*(,|$))*$'),
      ADD COLUMN target_categories text[] NOT NULL DEFAULT '{}',
      ADD COLUMN external_ids jsonb NOT NULL DEFAULT '[]'
        CHECK (jsonb_typeof(external_ids) = 'array'),
      ADD COLUMN managed_by text ${SLUG_CHECK("managed_by")},
      ADD COLUMN alias_named_by text[]
        GENERATED ALWAYS AS (incidents.alias_named_by(aliases)) STORED,
      ADD COLUMN external_systems text[]
        GENERATED ALWAYS AS (incidents.external_systems(external_ids)) STORED`);
    await db.query(`CREATE INDEX threat_actor_alias_named_by_idx ON incidents.threat_actor
      USING gin (alias_named_by)`);
    await db.query(`CREATE INDEX threat_actor_external_systems_idx ON incidents.threat_actor
      USING gin (external_systems)`);
    // Finds the actor holding an external id (one per id, checked on write).
    await db.query(`CREATE INDEX threat_actor_external_ids_idx ON incidents.threat_actor
      USING gin (external_ids jsonb_path_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE incidents.threat_actor
      DROP COLUMN external_systems, DROP COLUMN alias_named_by, DROP COLUMN managed_by,
      DROP COLUMN external_ids, DROP COLUMN target_categories, DROP COLUMN targeted_country_ids,
      DROP COLUMN sponsor_confidence`);
    await db.query(`DROP FUNCTION IF EXISTS incidents.external_systems(jsonb)`);
    await db.query(`DROP FUNCTION IF EXISTS incidents.alias_named_by(jsonb)`);
  }
}
