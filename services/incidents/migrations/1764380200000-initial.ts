import { statementsMigration } from "../../kit/migrations";
import {
  DATE,
  DEFERRED_FK,
  ONE_OF,
  PARENT_FK,
  PRECISION_CHECK,
  REF,
  REFS,
  SLUG_CHECK,
  dropSearchFunctionsSql,
  dropTablesSql,
  searchFunctionsSql,
} from "../../kit/sql";

const FK = (table: string) => DEFERRED_FK("incidents", table);
const PARENT = PARENT_FK("incidents", "incident");

/** Search functions and threat actors. */
const threatActorsSql = (): string[] => [
  ...searchFunctionsSql("incidents"),
  // The alias names of a threat actor's jsonb aliases, for its generated search column.
  `CREATE FUNCTION incidents.alias_names(aliases jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(array_agg(a->>'name'), '{}')
            FROM jsonb_array_elements(coalesce(aliases, '[]'::jsonb)) a $$`,

  `CREATE TABLE incidents.threat_actor (
      id text PRIMARY KEY ${SLUG_CHECK("id")},
      name text NOT NULL CHECK (name <> ''),
      kind text NOT NULL ${ONE_OF("kind", ["STATE_SPONSORED", "CRIMINAL", "HACKTIVIST", "UNKNOWN"])},
      aliases jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(aliases) = 'array'),
      sponsor_state_id ${REF("sponsor_state_id")},
      affiliated_agency_id ${REF("affiliated_agency_id")},
      description text,
      sources jsonb NOT NULL DEFAULT '[]',
      search_names text GENERATED ALWAYS AS (incidents.names_text(
        VARIADIC array_prepend(name, incidents.alias_names(aliases)))) STORED)`,
  `CREATE INDEX threat_actor_kind_idx ON incidents.threat_actor (kind)`,
  `CREATE INDEX threat_actor_sponsor_idx ON incidents.threat_actor (sponsor_state_id)`,
  `CREATE INDEX threat_actor_name_idx ON incidents.threat_actor (name, id)`,
  `CREATE INDEX threat_actor_search_names_idx ON incidents.threat_actor
      USING gin (search_names public.gin_trgm_ops)`,
];

/** Incidents, their suspected actors and their timelines. */
const incidentsSql = (): string[] => [
  `CREATE TABLE incidents.incident (
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
        name || ' ' || incidents.names_text(VARIADIC aliases) || ' ' || coalesce(summary, ''))) STORED)`,
  `CREATE INDEX incident_occurred_idx ON incidents.incident (occurred_on)`,
  // The OCCURRED_AT ordering: never NULL, so that keyset cursors always compare.
  `CREATE INDEX incident_occurred_sort_idx ON incidents.incident
      ((coalesce(occurred_on, DATE '0001-01-01')), id)`,
  `CREATE INDEX incident_name_idx ON incidents.incident (name, id)`,
  `CREATE INDEX incident_kind_idx ON incidents.incident (kind)`,
  ...["sectors", "cves", "targeted_country_ids"].map(
    (column) => `CREATE INDEX incident_${column}_idx ON incidents.incident USING gin (${column})`,
  ),
  `CREATE INDEX incident_search_names_idx ON incidents.incident
      USING gin (search_names public.gin_trgm_ops)`,
  `CREATE INDEX incident_search_idx ON incidents.incident USING gin (search)`,

  `CREATE TABLE incidents.incident_actor (
      incident_id text NOT NULL ${PARENT},
      actor_id text NOT NULL ${FK("threat_actor")},
      position integer NOT NULL,
      PRIMARY KEY (incident_id, actor_id),
      UNIQUE (incident_id, position))`,
  `CREATE INDEX incident_actor_actor_idx ON incidents.incident_actor (actor_id)`,

  `CREATE TABLE incidents.timeline_event (
      key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      incident_id text NOT NULL ${PARENT},
      position integer NOT NULL,
      date_on date NOT NULL,
      date_precision text NOT NULL ${PRECISION_CHECK("date_precision")},
      description text NOT NULL CHECK (description <> ''),
      sources jsonb NOT NULL DEFAULT '[]',
      UNIQUE (incident_id, position))`,
];

export class Initial1764380200000 extends statementsMigration(
  "Initial1764380200000",
  [...threatActorsSql(), ...incidentsSql()],
  [
    ...dropTablesSql("incidents", ["timeline_event", "incident_actor", "incident", "threat_actor"]),
    `DROP FUNCTION IF EXISTS incidents.alias_names(jsonb)`,
    ...dropSearchFunctionsSql("incidents"),
  ],
) {}
