import { Pool } from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { pickIds } from "../../../bench/cases";
import { unchangedWriteCase } from "../../../bench/write-case";
import { bulkLoad, endPool } from "../../../harness/bulk-load";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { generateDataset } from "../../../harness/generate";
import { type Request, record, requests } from "../../helpers/explain-requests";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

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
  "Recheck Cond"?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const own =
    node["Node Type"] === "Seq Scan" && BIG_TABLES.has(node["Relation Name"] ?? "")
      ? [node["Relation Name"] as string]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

/**
 * Bitmap heap scans that check again, as a filter, the condition their index scans already
 * rechecked: PostgreSQL keeps it when it cannot prove the two the same (a trigram operator
 * written with the column on the right), and every row found is then compared twice.
 */
function checkedTwice(node: PlanNode): string[] {
  const own =
    node["Recheck Cond"] !== undefined && node.Filter === node["Recheck Cond"]
      ? [`${node["Relation Name"]}: ${node.Filter}`]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(checkedTwice)];
}

interface AnalyzedNode extends PlanNode {
  "Plan Width": number;
  "Actual Rows": number;
  "Actual Loops": number;
  Plans?: AnalyzedNode[];
}

/** Rows of `relation` read with more than its key and sort columns (a whole row), in all loops. */
function wideRowsOf(node: AnalyzedNode, relation: string): number {
  const own =
    node["Relation Name"] === relation && node["Plan Width"] > 100
      ? node["Actual Rows"] * node["Actual Loops"]
      : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + wideRowsOf(child, relation), 0);
}

/** One statement per distinct SQL text (IN lists of any length count as one). */
interface Statement {
  request: string;
  sql: string;
  parameters: unknown[];
}

/** The SQL on one line, identifiers unquoted: what test names and findings read. */
const plain = (sql: string) => sql.replace(/\s+/g, " ").replace(/"(\w+)"/g, "$1");
const shape = (sql: string) => plain(sql).replace(/\$\d+(, \$\d+)*/g, "$n");

/** A short form of the SQL for a test name: what it reads, from which tables, by what. */
function short(sql: string): string {
  const text = plain(sql);
  const kind = /CROSS JOIN LATERAL/.test(text)
    ? "nested page"
    : /AS _parent, \(SELECT count/.test(text)
      ? "nested count"
      : /^SELECT count\(/i.test(text)
        ? "count"
        : "select";
  const tables = new Set([...text.matchAll(/(?:FROM|JOIN) (\w+\.\w+)/g)].map((m) => m[1]));
  const where = /WHERE (.*?)(?: ORDER BY | LIMIT |\) AS \w+ FROM unnest|$)/.exec(text)?.[1] ?? "";
  const condition = where.length > 90 ? `${where.slice(0, 90)}…` : where;
  return `${kind} of ${[...tables].join(", ")}${condition ? ` where ${condition}` : ""}`;
}

/**
 * Statements known to read a whole big table, with the reason: findings for the loaders in
 * services/, each marked `it.fails` so that the suite stays green and the finding visible. When a
 * loader is fixed, its test fails here ("expected to fail"): delete the entry. None is known now
 * (the threat-actor name search reads the trigram index since pg_trgm's operators are costed).
 */
const FINDINGS: { sql: RegExp; finding: string }[] = [];

// On a synthetic dataset large enough for the planner to prefer indexes (the benchmark's data,
// 20k statements), the real federation answers the benchmark's queries and a few more; every
// distinct SELECT its subgraphs ran is EXPLAINed with its recorded parameters, and none may read
// a whole big table. Nothing is copied by hand: a changed loader changes what is EXPLAINed.
// The statements are only known once the federation has run, so the suite collects them first.
describe("services > EXPLAIN of the SQL the federation runs", async () => {
  const serverUrl = inject("serverUrl");
  const databaseUrl = await createDatabase(serverUrl, "explain");
  let pool: Pool | undefined;
  let federation: TestFederation | undefined;
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await federation?.stop();
    // endPool: pool.end() resolves before its clients close, and the drop would kill them.
    if (pool) await endPool(pool);
    await dropDatabase(serverUrl, databaseUrl);
  };
  afterAll(cleanUp);
  const statements = new Map<string, Statement>();
  const ran = new Map<string, number>();
  try {
    await prepareDatabase(databaseUrl);
    await bulkLoad(databaseUrl, generateDataset(STATEMENTS), () => undefined);
    pool = new Pool({ connectionString: databaseUrl, max: 2 });
    federation = await startTestFederation(databaseUrl);
    const { rows } = await pool.query(
      `SELECT aliases->0->>'name' AS alias FROM incidents.threat_actor
       WHERE jsonb_array_length(aliases) > 0 ORDER BY id LIMIT 1`,
    );
    // Halfway through the statements' system time: the changes since then are half the table.
    const since = await pool.query(
      `SELECT updated_at FROM governments.statement ORDER BY updated_at OFFSET $1 LIMIT 1`,
      [STATEMENTS / 2],
    );
    const halfway = (since.rows[0].updated_at as Date).toISOString();
    const ids = await pickIds(pool);
    const all = [...(await requests(federation, ids, rows[0].alias, halfway))];
    all.push(await newSourceWrite(databaseUrl, pool, federation, ids.government));
    for (const request of all) {
      const { recorded } = await record(federation, request);
      ran.set(request.name, recorded.length);
      for (const { query, parameters } of recorded) {
        if (!/^\s*(SELECT|WITH)\b/i.test(query) || statements.has(shape(query))) continue;
        statements.set(shape(query), {
          request: request.name,
          sql: query,
          parameters: parameters ?? [],
        });
      }
    }
  } catch (error) {
    await cleanUp(); // afterAll does not run when collecting fails
    throw error;
  }

  // A page of changes reads the (updated_at, id) index from `since` on, in its order.
  it("a page of statements changed since a time reads statement_updated_idx", async () => {
    const changes = [...statements.values()].find(({ sql }) =>
      /FROM governments\.statement s WHERE s\.updated_at >=/.test(plain(sql)),
    );
    expect(changes).toBeDefined();
    const { rows } = await pool!.query(
      `EXPLAIN (FORMAT JSON) ${changes!.sql}`,
      changes!.parameters,
    );
    const plan = JSON.stringify(rows[0]["QUERY PLAN"][0].Plan);
    expect(plan).toMatch(/"Index Name":"statement_updated_idx"/);
  });

  it("records the SQL of every request", () => {
    expect([...ran].filter(([, count]) => count === 0)).toEqual([]);
    expect(statements.size).toBeGreaterThan(40);
  });

  // A page of attributions with their statements (a state's: hundreds of items) chooses its
  // window over narrow rows, then reads whole statements for the page's items alone.
  it("a nested page of attributions reads the statements of its items only", async () => {
    const pages = [...statements.values()].filter(({ sql }) =>
      /FROM unnest\(.*governments\.attribution a INNER JOIN governments\.statement s .* LIMIT/.test(
        plain(sql),
      ),
    );
    expect(pages.length).toBeGreaterThan(0);
    for (const { sql, parameters } of pages) {
      const { rows } = await pool!.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, parameters);
      const plan = rows[0]["QUERY PLAN"][0].Plan as AnalyzedNode;
      expect(wideRowsOf(plan, "statement"), sql).toBeLessThanOrEqual(plan["Actual Rows"]);
    }
    // One of them had more items than its page: a state's attributions.
    expect(pages.some(({ sql }) => plain(sql).includes("a.state_id = k.key"))).toBe(true);
  });

  for (const { request, sql, parameters } of statements.values()) {
    const known = FINDINGS.find((finding) => finding.sql.test(plain(sql)));
    const name = `${request}: ${short(sql)}${known ? ` (known: ${known.finding})` : ""}`;
    (known ? it.fails : it)(name, async () => {
      const { rows } = await pool!.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
      const plan = rows[0]["QUERY PLAN"][0].Plan as PlanNode;
      expect(seqScans(plan), `${sql}\n${JSON.stringify(plan, null, 1)}`).toEqual([]);
      expect(checkedTwice(plan), sql).toEqual([]);
    });
  }
});

/**
 * The benchmark's statement re-sent citing one more source, which no subgraph registered and
 * every subgraph remembers as forked before the registry (source_fork): their source checks
 * look for the records citing it by index, not by reading them all.
 */
async function newSourceWrite(
  databaseUrl: string,
  pool: Pool,
  federation: TestFederation,
  government: string,
): Promise<Request> {
  const write = await unchangedWriteCase(databaseUrl, pool, government);
  await write.prepare!(async (query, variables) => (await federation.query(query, variables)).data);
  const { input, sources } = write.variables as { input: { sources: string[] }; sources: object[] };
  const fresh = { key: "explain-new-source", title: "Cited by no record yet" };
  for (const schema of ["governments", "incidents", "legal"]) {
    await pool.query(
      `INSERT INTO "${schema}".source_fork (key) VALUES ($1) ON CONFLICT DO NOTHING`,
      [fresh.key],
    );
  }
  input.sources = [...input.sources, fresh.key];
  sources.push(fresh);
  return {
    name: "NewSourceWrite",
    query: write.query,
    variables: write.variables,
    token: write.token,
  };
}
