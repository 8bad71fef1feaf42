import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateDataset } from "../bench/generate";
import { bulkLoad, migrateAll } from "../bench/load";
import { createDatabase, dropDatabase } from "./helpers/database";

const STATEMENTS = 20_000;
const BIG_TABLES = new Set([
  "statement",
  "quote",
  "attribution",
  "incident",
  "incident_actor",
  "threat_actor",
  "legal_action",
  "charge",
  "defendant",
]);

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const own =
    node["Node Type"] === "Seq Scan" && BIG_TABLES.has(node["Relation Name"] ?? "")
      ? [node["Relation Name"] as string]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

const ids = (prefix: string, ...numbers: number[]) => numbers.map((n) => `${prefix}-${n}`);
const GOV = ["state-13"];
const INCIDENTS = ids("incident", 112, 4000);
const ACTORS = ids("actor", 126, 3000);
const STATEMENTS_BY_ID = ids("statement", 1, 17, 9000);
const ACTIONS = ids("legal", 5, 900);
const STATEMENT_MATCH = `s.id IN (SELECT id FROM governments.statement WHERE search @@ governments.search_query($1)
  UNION SELECT statement_id FROM governments.quote WHERE search @@ governments.search_query($1))`;
const INCIDENT_MATCH = `(i.search_names ILIKE incidents.f_unaccent($2)
  OR incidents.f_unaccent(lower($1)) <% i.search_names OR i.search @@ incidents.search_query($1))`;
const UNDATED_LAST = "NULLIF(l.dated_on, DATE '0001-01-01') ASC NULLS LAST, l.id";

/** The SQL the benchmark's queries run, as the subgraphs' loaders and list resolvers write it. */
const STATEMENTS_RUN: [string, string, unknown[]][] = [
  ["statement by id", "SELECT * FROM governments.statement WHERE id = ANY($1)", [STATEMENTS_BY_ID]],
  ["attribution by id", "SELECT * FROM governments.attribution WHERE id = ANY($1)", [["att-1-0"]]],
  ["incident by id", "SELECT * FROM incidents.incident WHERE id = ANY($1)", [INCIDENTS]],
  ["actor by id", "SELECT * FROM incidents.threat_actor WHERE id = ANY($1)", [ACTORS]],
  ["legal action by id", "SELECT * FROM legal.legal_action WHERE id = ANY($1)", [ACTIONS]],
  [
    "quotes by statement",
    "SELECT * FROM governments.quote WHERE statement_id = ANY($1) ORDER BY position",
    [STATEMENTS_BY_ID],
  ],
  [
    "attributions by statement",
    "SELECT * FROM governments.attribution WHERE statement_id = ANY($1) ORDER BY position",
    [STATEMENTS_BY_ID],
  ],
  ...(["incident_id", "actor_id", "state_id"] as const).map(
    (column): [string, string, unknown[]] => [
      `attributions by ${column}`,
      `SELECT a.* FROM governments.attribution a JOIN governments.statement s ON s.id = a.statement_id
       WHERE a.${column} = ANY($1) ORDER BY s.issued_on, a.id`,
      [column === "state_id" ? GOV : column === "actor_id" ? ACTORS : INCIDENTS],
    ],
  ),
  ...(["incident_id", "actor_id"] as const).map((column): [string, string, unknown[]] => [
    `statements by attribution ${column}`,
    `SELECT DISTINCT statement_id, ${column} AS key FROM governments.attribution WHERE ${column} = ANY($1)`,
    [column === "actor_id" ? ACTORS : INCIDENTS],
  ]),
  [
    "suspected actors of incidents",
    "SELECT * FROM incidents.incident_actor WHERE incident_id = ANY($1) ORDER BY position",
    [INCIDENTS],
  ],
  [
    "incidents of actors",
    `SELECT ia.* FROM incidents.incident_actor ia JOIN incidents.incident i ON i.id = ia.incident_id
     WHERE ia.actor_id = ANY($1) ORDER BY coalesce(i.occurred_on, DATE '0001-01-01') DESC, i.id DESC`,
    [ACTORS],
  ],
  [
    "actors by sponsor",
    "SELECT * FROM incidents.threat_actor WHERE sponsor_state_id = ANY($1) ORDER BY name, id",
    [GOV],
  ],
  [
    "charges by legal action",
    "SELECT * FROM legal.charge WHERE legal_action_id = ANY($1) ORDER BY position",
    [ACTIONS],
  ],
  [
    "defendants by legal action",
    "SELECT * FROM legal.defendant WHERE legal_action_id = ANY($1) ORDER BY position",
    [ACTIONS],
  ],
  [
    "defendants by nationality",
    `SELECT d.* FROM legal.defendant d JOIN legal.legal_action l ON l.id = d.legal_action_id
     WHERE d.nationality_id = ANY($1) ORDER BY ${UNDATED_LAST}, d.position`,
    [GOV],
  ],
  [
    "legal actions by incident",
    `SELECT * FROM legal.legal_action l WHERE l.related_incident_ids && $1 ORDER BY ${UNDATED_LAST}`,
    [INCIDENTS],
  ],
  [
    "actor members charged",
    "SELECT DISTINCT legal_action_id, affiliated_actor_id FROM legal.defendant WHERE affiliated_actor_id = ANY($1)",
    [ACTORS],
  ],
  [
    "legal actions by actor",
    `SELECT * FROM legal.legal_action l WHERE l.related_actor_ids && $1 OR l.id = ANY($2) ORDER BY ${UNDATED_LAST}`,
    [ACTORS, ACTIONS],
  ],
  [
    "statements of a government, issued between, first page",
    `SELECT s.* FROM governments.statement s
     WHERE (s.issuer_id = ANY($1) OR s.cosigner_ids && $1) AND s.issued_on >= $2 AND s.issued_on <= $3
     ORDER BY s.issued_on DESC, s.id DESC LIMIT 21`,
    [GOV, "2015-01-01", "2020-12-31"],
  ],
  [
    "statements, keyset page after a cursor",
    `SELECT s.* FROM governments.statement s WHERE (s.issued_on < $1 OR (s.issued_on = $1 AND s.id < $2))
     ORDER BY s.issued_on DESC, s.id DESC LIMIT 21`,
    ["2015-06-01", "statement-5"],
  ],
  [
    "statement text search, by relevance",
    `SELECT s.* FROM governments.statement s WHERE ${STATEMENT_MATCH}
     ORDER BY ts_rank(s.search, governments.search_query($1)) DESC, s.id LIMIT 21`,
    ["scaruvava"],
  ],
  [
    "statement text search, count",
    `SELECT count(*) FROM governments.statement s WHERE ${STATEMENT_MATCH}`,
    ["scaruvava"],
  ],
  [
    "statement text search, UNION form (the fix)",
    `SELECT s.* FROM governments.statement s WHERE s.id IN (
       SELECT id FROM governments.statement WHERE search @@ governments.search_query($1)
       UNION SELECT statement_id FROM governments.quote WHERE search @@ governments.search_query($1))
     ORDER BY ts_rank(s.search, governments.search_query($1)) DESC, s.id LIMIT 21`,
    ["scaruvava"],
  ],
  [
    "incident text search",
    `SELECT * FROM incidents.incident i WHERE ${INCIDENT_MATCH}
     ORDER BY coalesce(i.occurred_on, DATE '0001-01-01') DESC, i.id DESC LIMIT 21`,
    ["dorvavava", "%dorvavava%"],
  ],
  [
    "incident text search, count",
    `SELECT count(*) FROM incidents.incident i WHERE ${INCIDENT_MATCH}`,
    ["dorvavava", "%dorvavava%"],
  ],
];

// On a synthetic dataset large enough for the planner to prefer indexes, no statement the
// benchmark's queries run reads a whole big table.
describe("database > EXPLAIN of the benchmark's SQL", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let pool: Pool;
  beforeAll(async () => {
    databaseUrl = await createDatabase(serverUrl, "explain");
    await migrateAll(databaseUrl);
    await bulkLoad(databaseUrl, generateDataset(STATEMENTS), () => undefined);
    pool = new Pool({ connectionString: databaseUrl, max: 1 });
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  for (const [name, sql, values] of STATEMENTS_RUN) {
    it(`${name}: no sequential scan of a big table`, async () => {
      const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) ${sql}`, values);
      const plan = rows[0]["QUERY PLAN"][0].Plan as PlanNode;
      expect(seqScans(plan), JSON.stringify(plan, null, 1)).toEqual([]);
    });
  }
});
