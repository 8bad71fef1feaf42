import type { MigrationInterface, QueryRunner } from "typeorm";
import { DATE, ONE_OF, REF, SLUG_CHECK, dropTablesSql } from "../../kit/sql";
import { linkDefendantsToPersons } from "./persons-from-defendants";

const PERSON = "REFERENCES legal.person(id) ON DELETE CASCADE";

/**
 * The match key of a spelling, for `persons(filter: { name })`: unaccented, lowercase, apostrophes
 * and soft signs dropped, punctuation as spaces, and the usual variants of romanised Russian
 * names made one: kh = h, x = ks, a word's initial ye = e (Yevgeny, Evgeny), yo after a consonant
 * = e (Kovalyov, Kovalev), y = j = i (Dmitriy, Dmitry, Dmitri; Sergey, Sergei), and a doubled
 * letter written once (Anatoliy, Anatoly). Cyrillic or Chinese spellings only lose their case.
 */
const NAME_KEY = `CREATE FUNCTION legal.name_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT trim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
      replace(replace(regexp_replace(regexp_replace(lower(legal.f_unaccent(name)),
        '[''’ʼʹ\`]', '', 'g'), '[[:space:][:punct:]]+', ' ', 'g'), 'kh', 'h'), 'x', 'ks'),
      '(^| )ye', '\\1e', 'g'), '([bcdfghklmnpqrstvwz])yo', '\\1e', 'g'),
      '[yj]', 'i', 'g'), '([a-z])\\1+', '\\1', 'g')) $$`;

/**
 * Persons (issue 22): a defendant becomes a person's role in one action. Every existing
 * defendant that is not an organisation gets a person of its own (see persons-from-defendants.ts):
 * two rows with one name are never merged, only data files link the same person across actions.
 */
export class Persons1764500000000 implements MigrationInterface {
  name = "Persons1764500000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(NAME_KEY);
    await db.query(`CREATE TABLE legal.person (
      id text PRIMARY KEY ${SLUG_CHECK("id")},
      name text NOT NULL CHECK (name <> ''),
      nationality_id ${REF("nationality_id")},
      ${DATE("birth")},
      birth_place text CHECK (birth_place <> ''),
      sources jsonb NOT NULL DEFAULT '[]')`);
    await db.query(`CREATE INDEX person_name_idx ON legal.person (name, id)`);
    await db.query(`CREATE INDEX person_nationality_idx ON legal.person (nationality_id)`);

    await db.query(`CREATE TABLE legal.person_name (
      key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id text NOT NULL ${PERSON},
      position integer NOT NULL,
      name text NOT NULL CHECK (name <> ''),
      kind text NOT NULL ${ONE_OF("kind", ["PRIMARY", "SHORT", "TRANSLITERATION", "NATIVE_SCRIPT", "ALIAS"])},
      language text,
      script text,
      used_by text[] NOT NULL DEFAULT '{}',
      sources jsonb NOT NULL DEFAULT '[]',
      name_key text GENERATED ALWAYS AS (legal.name_key(name)) STORED,
      UNIQUE (person_id, position))`);
    await db.query(`CREATE INDEX person_name_key_idx ON legal.person_name
      USING gin (name_key public.gin_trgm_ops)`);

    await db.query(`CREATE TABLE legal.person_affiliation (
      key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id text NOT NULL ${PERSON},
      position integer NOT NULL,
      actor_id ${REF("actor_id")},
      agency_id ${REF("agency_id")},
      employer text CHECK (employer <> ''),
      role text CHECK (role <> ''),
      ${DATE("from")},
      ${DATE("to")},
      sources jsonb NOT NULL DEFAULT '[]',
      CHECK (actor_id IS NOT NULL OR agency_id IS NOT NULL OR employer IS NOT NULL),
      UNIQUE (person_id, position))`);
    await db.query(
      `CREATE INDEX person_affiliation_actor_idx ON legal.person_affiliation (actor_id)`,
    );
    await db.query(
      `CREATE INDEX person_affiliation_agency_idx ON legal.person_affiliation (agency_id)`,
    );

    // A person is deleted only once no legal action names them (NO ACTION: the write path
    // answers the violation as a problem).
    await db.query(`ALTER TABLE legal.defendant
      ADD COLUMN person_id text REFERENCES legal.person(id),
      ADD CHECK (person_id IS NULL OR kind IS DISTINCT FROM 'ORGANIZATION')`);
    await db.query(`CREATE UNIQUE INDEX defendant_person_idx ON legal.defendant
      (person_id, legal_action_id)`);
    await linkDefendantsToPersons(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE legal.defendant DROP COLUMN person_id`);
    for (const sql of dropTablesSql("legal", ["person_affiliation", "person_name", "person"])) {
      await db.query(sql);
    }
    await db.query(`DROP FUNCTION IF EXISTS legal.name_key(text)`);
  }
}
