import { createHmac } from "node:crypto";
import { Client, escapeIdentifier, escapeLiteral } from "pg";
import { trigramCostsSql } from "../services/kit/sql";

/**
 * The schema each service owns (services' `dbSchema`; the gateway's key store is `access`),
 * written out here so that `npm start` loads no subgraph code. test/embedded-postgres-roles
 * checks them against the subgraph definitions.
 */
export const SERVICE_SCHEMAS = {
  governments: "governments",
  incidents: "incidents",
  "legal-actions": "legal",
  gateway: "access",
} as const;

export type ServiceName = keyof typeof SERVICE_SCHEMAS;

export const serviceRole = (service: ServiceName) => `attribution_${service.replace("-", "_")}`;

/** Derived from the superuser's password: whoever can read one could become the other anyway. */
export const servicePassword = (superuserPassword: string, service: ServiceName) =>
  createHmac("sha256", superuserPassword).update(`role:${service}`).digest("base64url");

/**
 * Makes `service`'s login role (no superuser, no CREATEDB or CREATEROLE) the owner of its schema
 * and of everything in it: a database first migrated as the superuser (before roles) is handed
 * over. The role can neither create a schema nor read another service's.
 */
function roleSql(service: ServiceName, password: string): string[] {
  const role = escapeIdentifier(serviceRole(service));
  const schema = escapeIdentifier(SERVICE_SCHEMAS[service]);
  const owner = escapeLiteral(serviceRole(service));
  const inSchema = escapeLiteral(SERVICE_SCHEMAS[service]);
  return [
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${owner}) THEN CREATE ROLE ${role}; END IF;
     END $$`,
    `ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${escapeLiteral(password)}`,
    `CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${role}`,
    `ALTER SCHEMA ${schema} OWNER TO ${role}`,
    // Tables carry their indexes and the sequences they own; then loose sequences, routines, types.
    `DO $$ DECLARE statement text; BEGIN
       FOR statement IN SELECT sql FROM (
         SELECT format('ALTER %s %s OWNER TO %I',
                  CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                    WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, c.oid::regclass, ${owner}),
                CASE c.relkind WHEN 'S' THEN 2 ELSE 1 END
           FROM pg_class c
          WHERE c.relnamespace = ${inSchema}::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
            AND c.relowner <> ${owner}::regrole
            AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                    AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
         UNION ALL
         SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, ${owner}), 3
           FROM pg_proc p
          WHERE p.pronamespace = ${inSchema}::regnamespace AND p.proowner <> ${owner}::regrole
         UNION ALL
         SELECT format('ALTER %s %s OWNER TO %I',
                  CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype, ${owner}), 4
           FROM pg_type t
          WHERE t.typnamespace = ${inSchema}::regnamespace AND t.typtype IN ('e', 'd')
            AND t.typowner <> ${owner}::regrole
       ) AS handover (sql, rank) ORDER BY rank
       LOOP EXECUTE statement; END LOOP;
     END $$`,
  ];
}

/**
 * As the superuser of `databaseUrl`: the extensions the subgraphs use (so that their roles need
 * not create them) and one login role per service owning its schema. Idempotent: run on every
 * `npm start`. Returns each service's URL.
 */
export async function prepareServiceRoles(
  databaseUrl: string,
  superuserPassword: string,
): Promise<Record<ServiceName, string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const urls = {} as Record<ServiceName, string>;
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('attribution-graph:migrate'))");
    await client.query("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public");
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
    // The services' roles do not own the extension: their migration cannot cost its operators.
    await client.query(trigramCostsSql());
    for (const service of Object.keys(SERVICE_SCHEMAS) as ServiceName[]) {
      const password = servicePassword(superuserPassword, service);
      for (const statement of roleSql(service, password)) await client.query(statement);
      const url = new URL(databaseUrl);
      url.username = serviceRole(service);
      url.password = password;
      urls[service] = url.toString();
    }
  } finally {
    await client.end();
  }
  return urls;
}
