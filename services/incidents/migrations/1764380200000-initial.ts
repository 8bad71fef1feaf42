import type { MigrationInterface, QueryRunner } from "typeorm";
import {
  ONE_OF,
  PRECISION_CHECK,
  SLUG_CHECK,
  dropSearchFunctionsSql,
  searchFunctionsSql,
} from "../../kit/sql";

const FK = (table: string) => `REFERENCES incidents.${table}(id) DEFERRABLE INITIALLY DEFERRED`;
const PARENT = "REFERENCES incidents.incident(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED";
// Ids of other subgraphs' entities: slugs, never foreign keys (their tables are not ours).
const REF = (column: string) => `text ${SLUG_CHECK(column)}`;
const REFS = (column: string) =>
  `text[] NOT NULL DEFAULT '{}'
   CHECK (array_to_string(${column}, ',') ~ '^([a-z0-9]+(-[a-z0-9]+)*(,|$))*$')`;
const DATE = (name: string) =>
  `${name}_on date, ${name}_precision text ${PRECISION_CHECK(`${name}_precision`)},
   CHECK ((${name}_on IS NULL) = (${name}_precision IS NULL))`;

export class Initial1764380200000 implements MigrationInterface {
  name = "Initial1764380200000";

  async up(db: QueryRunner): Promise<void> {
    await this.createThreatActors(db);
    await this.createIncidents(db);
  }

  /** Search functions and threat actors. */
  private async createThreatActors(db: QueryRunner): Promise<void> {
    for (const sql of searchFunctionsSql("incidents")) await db.query(sql);
    // The alias names of a threat actor's jsonb aliases, for its generated search column.
    await db.query(`CREATE FUNCTION incidents.alias_names(aliases jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(array_agg(a->>'name'), '{}')
            FROM jsonb_array_elements(coalesce(aliases, '[]'::jsonb)) a $$`);

    await db.query(`CREATE TABLE incidents.threat_actor (
      id text PRIMARY KEY ${SLUG_CHECK("id")},
      name text NOT NULL CHECK (name <> ''),
      kind text NOT NULL ${ONE_OF("kind", ["STATE_SPONSORED", "CRIMINAL", "HACKTIVIST", "UNKNOWN"])},
      aliases jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(aliases) = 'array'),
      sponsor_state_id ${REF("sponsor_state_id")},
      affiliated_agency_id ${REF("affiliated_agency_id")},
      description text,
      sources jsonb NOT NULL DEFAULT '[]',
      search_names text GENERATED ALWAYS AS (incidents.names_text(
        VARIADIC array_prepend(name, incidents.alias_names(aliases)))) STORED)`);
    await db.query(`CREATE INDEX threat_actor_kind_idx ON incidents.threat_actor (kind)`);
    await db.query(
      `CREATE INDEX threat_actor_sponsor_idx ON incidents.threat_actor (sponsor_state_id)`,
    );
    await db.query(`CREATE INDEX threat_actor_name_idx ON incidents.threat_actor (name, id)`);
    await db.query(`CREATE INDEX threat_actor_search_names_idx ON incidents.threat_actor
      USING gin (search_names public.gin_trgm_ops)`);
  }

  /** Incidents, their suspected actors and their timelines. */
  private async createIncidents(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE incidents.incident (
      id text PRIMARY KEY ${SLUG_CHECK("id")},
      name text NOT NULL CHECK (name <> ''),
      aliases text[] NOT NULL DEFAULT '{}',
      kind text NOT NULL ${ONE_OF("kind", ["ESPIONAGE", "RANSOMWARE", "SABOTAGE", "DATA_THEFT", "DDOS", "HACK_AND_LEAK", "FINANCIAL_THEFT", "OTHER"])},
      summary text,
      ${DATE("first_observed")},
      ${DATE("disclosed")},
      ${DATE("ended")},
      impact text,
      sectors text[] NOT NULL DEFAULT '{}',
      cves text[] NOT NULL DEFAULT '{}'
        CHECK (array_to_string(cves, ',') ~ '^(CVE-[0-9]{4}-[0-9]{4,}(,|$))*$'),
      targeted_country_ids ${REFS("targeted_country_ids")},
      sources jsonb NOT NULL DEFAULT '[]',
      -- What occurredBetween filters on: first observed, else disclosed.
      occurred_on date GENERATED ALWAYS AS (coalesce(first_observed_on, disclosed_on)) STORED,
      search_names text GENERATED ALWAYS AS (incidents.names_text(
        VARIADIC array_prepend(name, aliases))) STORED,
      search tsvector GENERATED ALWAYS AS (incidents.doc_tsvector('en',
        name || ' ' || incidents.names_text(VARIADIC aliases) || ' ' || coalesce(summary, ''))) STORED)`);
    await db.query(`CREATE INDEX incident_occurred_idx ON incidents.incident (occurred_on)`);
    // The OCCURRED_AT ordering: never NULL, so that keyset cursors always compare.
    await db.query(`CREATE INDEX incident_occurred_sort_idx ON incidents.incident
      ((coalesce(occurred_on, DATE '0001-01-01')), id)`);
    await db.query(`CREATE INDEX incident_name_idx ON incidents.incident (name, id)`);
    await db.query(`CREATE INDEX incident_kind_idx ON incidents.incident (kind)`);
    for (const column of ["sectors", "cves", "targeted_country_ids"]) {
      await db.query(
        `CREATE INDEX incident_${column}_idx ON incidents.incident USING gin (${column})`,
      );
    }
    await db.query(`CREATE INDEX incident_search_names_idx ON incidents.incident
      USING gin (search_names public.gin_trgm_ops)`);
    await db.query(`CREATE INDEX incident_search_idx ON incidents.incident USING gin (search)`);

    await db.query(`CREATE TABLE incidents.incident_actor (
      incident_id text NOT NULL ${PARENT},
      actor_id text NOT NULL ${FK("threat_actor")},
      position integer NOT NULL,
      PRIMARY KEY (incident_id, actor_id),
      UNIQUE (incident_id, position))`);
    await db.query(`CREATE INDEX incident_actor_actor_idx ON incidents.incident_actor (actor_id)`);

    await db.query(`CREATE TABLE incidents.timeline_event (
      key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      incident_id text NOT NULL ${PARENT},
      position integer NOT NULL,
      date_on date NOT NULL,
      date_precision text NOT NULL ${PRECISION_CHECK("date_precision")},
      description text NOT NULL CHECK (description <> ''),
      sources jsonb NOT NULL DEFAULT '[]',
      UNIQUE (incident_id, position))`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ["timeline_event", "incident_actor", "incident", "threat_actor"]) {
      await db.query(`DROP TABLE IF EXISTS incidents.${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS incidents.alias_names(jsonb)`);
    for (const sql of dropSearchFunctionsSql("incidents")) await db.query(sql);
  }
}
