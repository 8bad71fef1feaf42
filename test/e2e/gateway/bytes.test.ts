import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../gateway/limits";
import { type TestFederation, postToSubgraph, startTestFederation } from "../../helpers/federation";
import { fanOutRead, largeRead } from "../../helpers/large-statements";

const SUBGRAPH_BYTES = 8192;

// Issue 21, findings 1 and 10, as sent: the gateway refuses both before any subgraph works, and
// a subgraph reached directly (signed, as the gateway signs) stops its own answer at its
// MAX_RESPONSE_BYTES, whether the bytes come from rows it reads or from an answer that repeats
// them. The shipped dataset; each subgraph here may read and answer 8 KiB.
describe("gateway > bytes and fan-out are costed before anything runs", () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation(undefined, {
      subgraphMaxResponseBytes: SUBGRAPH_BYTES,
    });
  });
  afterAll(() => federation?.stop());

  const stillServing = async () => {
    const after = await federation.query<any>(`{ government(id: "us") { name } }`);
    expect(after.data?.government?.name).toBe("United States of America");
  };

  it("refuses finding 1's six aliases by their worst case, saying how big and the limit", async () => {
    const refused = await federation.query<any>(largeRead(6, 100));
    expect(refused.status).toBe(400);
    expect(refused.data ?? null).toBeNull();
    const [error] = refused.errors!;
    expect(error.extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      maxWorstCaseBytes: DEFAULT_LIMITS.maxWorstCaseBytes,
    });
    const worst = error.extensions!.worstCaseBytes as number;
    expect(worst).toBeGreaterThan(DEFAULT_LIMITS.maxWorstCaseBytes);
    expect(error.message).toContain(`worst case is at least ${worst} bytes`);
    expect(error.message).toContain(`over the limit of ${DEFAULT_LIMITS.maxWorstCaseBytes} bytes`);
    await stillServing();
  });

  it("refuses finding 10's ten roots by the subgraph fetches their plan makes", async () => {
    const refused = await federation.query<any>(fanOutRead());
    expect(refused.status).toBe(400);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors![0].extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      subgraphFetches: 21,
      maxSubgraphFetches: DEFAULT_LIMITS.maxSubgraphFetches,
    });
    expect(refused.errors![0].message).toMatch(
      /would make 21 subgraph fetches, over the limit of 16 \(MAX_SUBGRAPH_FETCHES\)/,
    );
    // Its first root alone plans 3 fetches: answered.
    const one = await federation.query<any>(fanOutRead(1, 1));
    expect(one.errors).toBeUndefined();
    expect(one.data.g0.nodes).toHaveLength(1);
    await stillServing();
  });

  const governments = () => federation.subgraphs.find((s) => s.name === "governments")!;
  const reader = { keyId: null, role: "reader" as const };

  it("stops a subgraph that would read more rows than its budget", async () => {
    const direct = await postToSubgraph<any>(
      governments(),
      { query: "{ statements(first: 100) { nodes { id } } }" },
      reader,
    );
    expect(direct.errors?.[0]?.extensions).toMatchObject({
      code: "RESPONSE_TOO_LARGE",
      maxResponseBytes: SUBGRAPH_BYTES,
    });
    expect(direct.errors![0].message).toContain(
      `the request would read more than ${SUBGRAPH_BYTES} bytes`,
    );
  });

  it("stops a subgraph whose answer repeats what it read past its budget, with one error", async () => {
    const quote = `statement(id: "eu-2021-07-19-hr-declaration-china") { quotes { text translations { text } } }`;
    const once = await postToSubgraph<any>(governments(), { query: `{ ${quote} }` }, reader);
    expect(once.errors).toBeUndefined();
    const aliases = Array.from({ length: 15 }, (_, i) => `s${i}: ${quote}`).join(" ");
    const repeated = await postToSubgraph<any>(governments(), { query: `{ ${aliases} }` }, reader);
    expect(repeated.errors?.[0]?.extensions).toMatchObject({
      code: "RESPONSE_TOO_LARGE",
      maxResponseBytes: SUBGRAPH_BYTES,
    });
    expect(repeated.errors![0].message).toContain(
      `the answer would carry more than ${SUBGRAPH_BYTES} bytes`,
    );
    expect(repeated.errors!.length).toBeLessThan(15);
    await stillServing();
  });
});
