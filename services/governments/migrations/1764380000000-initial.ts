import { statementsMigration } from "../../kit/migrations";
import {
  DEFERRED_FK,
  ONE_OF,
  PRECISION_CHECK,
  SLUG_CHECK,
  dropSearchFunctionsSql,
  dropTablesSql,
  searchFunctionsSql,
} from "../../kit/sql";

const FK = (table: string) => DEFERRED_FK("governments", table);

/** Search functions, governments, agencies, officials and their roles. */
const speakersSql = (): string[] => [
  ...searchFunctionsSql("governments"),
  `CREATE FUNCTION governments.translations_tsvector(translations jsonb) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(string_agg(governments.doc_tsvector(t->>'language', t->>'text')::text, ' '), '')::tsvector
            FROM jsonb_array_elements(coalesce(translations, '[]'::jsonb)) t $$`,

  `CREATE TABLE governments.government (
      id text PRIMARY KEY ${SLUG_CHECK("id")},
      name text NOT NULL CHECK (name <> ''),
      kind text NOT NULL ${ONE_OF("kind", ["STATE", "SUPRANATIONAL_UNION", "ALLIANCE", "INTERNATIONAL_ORGANIZATION"])},
      iso_alpha2 text CHECK (iso_alpha2 ~ '^[A-Z]{2}$'),
      iso_alpha3 text CHECK (iso_alpha3 ~ '^[A-Z]{3}$'),
      member_of_ids text[] NOT NULL DEFAULT '{}',
      sources jsonb NOT NULL DEFAULT '[]')`,
  `CREATE INDEX government_member_of_idx ON governments.government USING gin (member_of_ids)`,
  `CREATE INDEX government_name_trgm_idx ON governments.government
      USING gin (governments.f_unaccent(name) public.gin_trgm_ops)`,

  `CREATE TABLE governments.agency (
      id text PRIMARY KEY ${SLUG_CHECK("id")},
      name text NOT NULL CHECK (name <> ''),
      acronym text,
      kind text NOT NULL ${ONE_OF("kind", ["MINISTRY", "LAW_ENFORCEMENT", "INTELLIGENCE", "MILITARY", "EXECUTIVE_OFFICE", "DIPLOMATIC_SERVICE", "CYBERSECURITY", "PROSECUTOR", "COURT", "COUNCIL", "OTHER"])},
      government_id text NOT NULL ${FK("government")},
      parent_id text ${FK("agency")},
      sources jsonb NOT NULL DEFAULT '[]')`,
  `CREATE INDEX agency_government_idx ON governments.agency (government_id)`,
  `CREATE INDEX agency_name_trgm_idx ON governments.agency
      USING gin (governments.f_unaccent(name) public.gin_trgm_ops)`,

  `CREATE TABLE governments.official (
      id text PRIMARY KEY ${SLUG_CHECK("id")},
      name text NOT NULL CHECK (name <> ''),
      sources jsonb NOT NULL DEFAULT '[]')`,
  `CREATE INDEX official_name_trgm_idx ON governments.official
      USING gin (governments.f_unaccent(name) public.gin_trgm_ops)`,
  `CREATE TABLE governments.official_role (
      key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      official_id text NOT NULL REFERENCES governments.official(id) ON DELETE CASCADE,
      position integer NOT NULL,
      title text NOT NULL CHECK (title <> ''),
      agency_id text ${FK("agency")},
      government_id text NOT NULL ${FK("government")},
      from_on date, from_precision text ${PRECISION_CHECK("from_precision")},
      to_on date, to_precision text ${PRECISION_CHECK("to_precision")},
      UNIQUE (official_id, position))`,
  `CREATE INDEX official_role_government_idx ON governments.official_role (government_id)`,
  `CREATE INDEX official_role_agency_idx ON governments.official_role (agency_id)`,
];

/** Statements, their quotes and their attributions. */
const statementsSql = (): string[] => [
  `CREATE TABLE governments.statement (
      id text PRIMARY KEY ${SLUG_CHECK("id")},
      kind text NOT NULL ${ONE_OF("kind", ["PRESS_STATEMENT", "JOINT_STATEMENT", "DECLARATION", "SPEECH", "PRESS_RELEASE", "PRESS_BRIEFING", "ADVISORY", "REPORT", "SOCIAL_MEDIA", "OTHER"])},
      issued_on date NOT NULL,
      issued_precision text NOT NULL ${PRECISION_CHECK("issued_precision")},
      issuer_id text NOT NULL ${FK("government")},
      cosigner_ids text[] NOT NULL DEFAULT '{}',
      agency_id text ${FK("agency")},
      speaker_id text ${FK("official")},
      title text,
      language text NOT NULL,
      text text,
      summary text,
      url text,
      sources jsonb NOT NULL DEFAULT '[]',
      search tsvector GENERATED ALWAYS AS (governments.doc_tsvector(language,
        coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(text, ''))) STORED)`,
  `CREATE INDEX statement_issued_idx ON governments.statement (issued_on, id)`,
  `CREATE INDEX statement_issuer_idx ON governments.statement (issuer_id)`,
  `CREATE INDEX statement_cosigners_idx ON governments.statement USING gin (cosigner_ids)`,
  `CREATE INDEX statement_speaker_idx ON governments.statement (speaker_id)`,
  `CREATE INDEX statement_agency_idx ON governments.statement (agency_id)`,
  `CREATE INDEX statement_search_idx ON governments.statement USING gin (search)`,

  `CREATE TABLE governments.quote (
      key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      statement_id text NOT NULL REFERENCES governments.statement(id) ON DELETE CASCADE,
      position integer NOT NULL,
      text text NOT NULL CHECK (text <> ''),
      language text NOT NULL,
      speaker_id text ${FK("official")},
      translations jsonb NOT NULL DEFAULT '[]',
      search tsvector GENERATED ALWAYS AS (governments.doc_tsvector(language, text)
        || governments.translations_tsvector(translations)) STORED,
      UNIQUE (statement_id, position))`,
  `CREATE INDEX quote_search_idx ON governments.quote USING gin (search)`,

  `CREATE TABLE governments.attribution (
      id text PRIMARY KEY ${SLUG_CHECK("id")},
      statement_id text NOT NULL REFERENCES governments.statement(id) ON DELETE CASCADE,
      position integer NOT NULL,
      incident_id text NOT NULL,
      actor_id text,
      state_id text ${FK("government")},
      agency_id text ${FK("agency")},
      kind text NOT NULL ${ONE_OF("kind", ["FORMAL", "JOINT", "TECHNICAL", "MEDIA_REPORTED", "DENIAL", "CONTESTED"])},
      confidence_wording text,
      confidence_level text ${ONE_OF("confidence_level", ["LOW", "MODERATE", "HIGH", "VERY_HIGH"])},
      confidence_score smallint CHECK (confidence_score BETWEEN 0 AND 100),
      CHECK (actor_id IS NOT NULL OR state_id IS NOT NULL OR agency_id IS NOT NULL))`,
  `CREATE INDEX attribution_statement_idx ON governments.attribution (statement_id, position)`,
  `CREATE INDEX attribution_incident_idx ON governments.attribution (incident_id)`,
  `CREATE INDEX attribution_actor_idx ON governments.attribution (actor_id)`,
  `CREATE INDEX attribution_state_idx ON governments.attribution (state_id)`,
];

export class Initial1764380000000 extends statementsMigration(
  "Initial1764380000000",
  [...speakersSql(), ...statementsSql()],
  [
    ...dropTablesSql("governments", [
      "attribution",
      "quote",
      "statement",
      "official_role",
      "official",
      "agency",
      "government",
    ]),
    `DROP FUNCTION IF EXISTS governments.translations_tsvector(jsonb)`,
    ...dropSearchFunctionsSql("governments"),
  ],
) {}
