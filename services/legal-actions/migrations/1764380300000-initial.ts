import { statementsMigration } from "../../kit/migrations";
import {
  DATE,
  ONE_OF,
  PARENT_FK,
  REF,
  SLUG_CHECK,
  dropSearchFunctionsSql,
  dropTablesSql,
  searchFunctionsSql,
} from "../../kit/sql";

const PARENT = PARENT_FK("legal", "legal_action");

/** Search functions and legal actions. */
const legalActionsSql = (): string[] => [
  ...searchFunctionsSql("legal"),

  `CREATE TABLE legal.legal_action (
      id text PRIMARY KEY ${SLUG_CHECK("id")},
      kind text NOT NULL ${ONE_OF("kind", ["INDICTMENT", "CRIMINAL_COMPLAINT", "SANCTION", "ARREST", "EXTRADITION", "CONVICTION", "SEIZURE"])},
      title text NOT NULL CHECK (title <> ''),
      summary text,
      jurisdiction_id ${REF("jurisdiction_id")} NOT NULL,
      authority_id ${REF("authority_id")},
      court text,
      case_number text,
      ${DATE("filed")},
      ${DATE("unsealed")},
      ${DATE("announced")},
      ${DATE("conduct_from")},
      ${DATE("conduct_to")},
      status text NOT NULL ${ONE_OF("status", ["PENDING", "ACTIVE", "RESOLVED", "DISMISSED", "IN_FORCE", "LIFTED"])},
      sanctions_regime text CHECK (sanctions_regime <> ''),
      sanctions_measures text[] NOT NULL DEFAULT '{}'
        CHECK (sanctions_regime IS NOT NULL OR cardinality(sanctions_measures) = 0),
      related_incident_ids text[] NOT NULL DEFAULT '{}',
      related_actor_ids text[] NOT NULL DEFAULT '{}',
      sources jsonb NOT NULL DEFAULT '[]',
      -- The date lists are ordered by: never NULL, so that keyset cursors always compare.
      dated_on date GENERATED ALWAYS AS
        (coalesce(announced_on, unsealed_on, filed_on, DATE '0001-01-01')) STORED,
      search tsvector GENERATED ALWAYS AS (legal.doc_tsvector('en',
        title || ' ' || coalesce(summary, ''))) STORED)`,
  `CREATE INDEX legal_action_dated_idx ON legal.legal_action (dated_on, id)`,
  `CREATE INDEX legal_action_kind_idx ON legal.legal_action (kind)`,
  `CREATE INDEX legal_action_status_idx ON legal.legal_action (status)`,
  `CREATE INDEX legal_action_jurisdiction_idx ON legal.legal_action (jurisdiction_id)`,
  `CREATE INDEX legal_action_authority_idx ON legal.legal_action (authority_id)`,
  `CREATE INDEX legal_action_incidents_idx ON legal.legal_action
      USING gin (related_incident_ids)`,
  `CREATE INDEX legal_action_actors_idx ON legal.legal_action
      USING gin (related_actor_ids)`,
  `CREATE INDEX legal_action_search_idx ON legal.legal_action USING gin (search)`,
];

/** The charges and defendants of legal actions. */
const chargesSql = (): string[] => [
  `CREATE TABLE legal.charge (
      key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      legal_action_id text NOT NULL ${PARENT},
      position integer NOT NULL,
      statute text,
      description text NOT NULL CHECK (description <> ''),
      counts integer CHECK (counts > 0),
      maximum_penalty text,
      search tsvector GENERATED ALWAYS AS (legal.doc_tsvector('en',
        coalesce(statute, '') || ' ' || description)) STORED,
      UNIQUE (legal_action_id, position))`,
  `CREATE INDEX charge_search_idx ON legal.charge USING gin (search)`,

  `CREATE TABLE legal.defendant (
      key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      legal_action_id text NOT NULL ${PARENT},
      position integer NOT NULL,
      name text NOT NULL CHECK (name <> ''),
      kind text ${ONE_OF("kind", ["PERSON", "ORGANIZATION"])},
      nationality_id ${REF("nationality_id")},
      affiliated_actor_id ${REF("affiliated_actor_id")},
      employer text,
      status text NOT NULL ${ONE_OF("status", ["AT_LARGE", "ARRESTED", "IN_CUSTODY", "EXTRADITED", "CONVICTED", "ACQUITTED", "SANCTIONED", "UNKNOWN"])},
      search tsvector GENERATED ALWAYS AS (legal.doc_tsvector(NULL, name)) STORED,
      UNIQUE (legal_action_id, position))`,
  `CREATE INDEX defendant_nationality_idx ON legal.defendant (nationality_id)`,
  `CREATE INDEX defendant_actor_idx ON legal.defendant (affiliated_actor_id)`,
  `CREATE INDEX defendant_search_idx ON legal.defendant USING gin (search)`,
  `CREATE INDEX defendant_name_trgm_idx ON legal.defendant
      USING gin (legal.f_unaccent(name) public.gin_trgm_ops)`,
];

export class Initial1764380300000 extends statementsMigration(
  "Initial1764380300000",
  [...legalActionsSql(), ...chargesSql()],
  [
    ...dropTablesSql("legal", ["defendant", "charge", "legal_action"]),
    ...dropSearchFunctionsSql("legal"),
  ],
) {}
