import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../gateway/limits";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import { fragmentBomb } from "../../helpers/fragment-bomb";

const ATTACK = `{ government(id: "us") { ${"statements { issuer { ".repeat(5)}id${" } }".repeat(5)} } }`;
const nested = (first: string) =>
  `{ government(id: "us") { ${`statements(first: ${first}) { nodes { issuer { `.repeat(5)}id${" } } }".repeat(5)} } }`;

// Hostile queries are refused with a precise code, and the gateway keeps answering after each.
// Written for the converted schema: Government.statements is a StatementConnection.
describe("gateway > cost limits end to end", () => {
  let federation: TestFederation;
  beforeAll(async () => {
    // Depth would refuse five nested pages first: the cost limit must hold on its own.
    federation = await startTestFederation(undefined, { limits: { maxDepth: 20 } });
  });
  afterAll(() => federation?.stop());

  const refusedWith = async (code: string, query: string, variables?: Record<string, unknown>) => {
    const result = await federation.query<any>(query, variables);
    expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe(code);
    expect(result.data?.government ?? null).toBeNull();
    const after = await federation.query<any>(`{ government(id: "us") { name } }`);
    expect(after.data?.government?.name).toBeTruthy();
    return result;
  };

  it("refuses the plain-list attack: statements is a connection now", async () => {
    await refusedWith("GRAPHQL_VALIDATION_FAILED", ATTACK);
  });

  it("refuses its connection-shaped twin, however first is given", async () => {
    const literal = await refusedWith("QUERY_TOO_COMPLEX", nested("100"));
    expect(literal.status).toBe(400);
    expect(literal.errors![0].extensions).toMatchObject({ maxCost: DEFAULT_LIMITS.maxCost });
    expect(literal.errors![0].message).toMatch(
      new RegExp(`estimated cost at least \\d+, over the limit of ${DEFAULT_LIMITS.maxCost}`),
    );
    await refusedWith("QUERY_TOO_COMPLEX", `query ($n: Int) ${nested("$n")}`, { n: 100 });
    await refusedWith("QUERY_TOO_COMPLEX", `query ($n: Int = 100) ${nested("$n")}`);
  });

  it.each(["Query", "Government"] as const)("refuses a fragment bomb on %s", async (on) => {
    await refusedWith(
      "QUERY_TOO_COMPLEX",
      fragmentBomb(on, on === "Query" ? `government(id: "us") { name }` : "name"),
    );
  });

  it("accepts a modest page", async () => {
    const result = await federation.query<any>(
      `{ government(id: "us") { statements(first: 5) { nodes { id } totalCount } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.government.statements.nodes).toHaveLength(5);
  });
});

// The second guard: the bytes of subgraph answers one request may receive.
describe("gateway > response size limit", () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation(undefined, { limits: { maxResponseBytes: 2048 } });
  });
  afterAll(() => federation?.stop());

  it("cuts off an answer over MAX_RESPONSE_BYTES with RESPONSE_TOO_LARGE and keeps serving", async () => {
    const big = await federation.query<any>(
      `{ government(id: "us") { statements(first: 50) { nodes { id title summary url } } } }`,
    );
    expect(big.errors?.[0]?.extensions?.code, JSON.stringify(big.errors)).toBe(
      "RESPONSE_TOO_LARGE",
    );
    expect(big.errors![0].message).toMatch(/2048 bytes/);
    expect(big.data?.government ?? null).toBeNull();
    const small = await federation.query<any>(`{ government(id: "us") { name } }`);
    expect(small.errors).toBeUndefined();
    expect(small.data.government.name).toBeTruthy();
  });
});
