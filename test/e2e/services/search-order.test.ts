import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { record } from "../../helpers/explain-requests";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

// Text search answers the best match first: "Exchange" is the Exchange hack before REvil, pages
// of a relevance ordering join up, and an explicit orderBy still decides.
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation?.stop());

type Ids = { ids: string[]; endCursor: string | null; hasNextPage: boolean };

/** One page of `field` (statements, incidents, legalActions) matching `text`. */
async function page(field: string, text: string, extra = "", after?: string | null): Promise<Ids> {
  const result: any = await federation.query(
    /* GraphQL */ `
      query ($text: String!, $after: String) {
        list: ${field}(filter: { text: $text }, first: 2, after: $after ${extra}) {
          nodes { id }
          pageInfo { endCursor hasNextPage }
        }
      }
    `,
    { text, after: after ?? null },
  );
  expect(result.errors).toBeUndefined();
  const list = result.data.list;
  return { ids: list.nodes.map((n: any) => n.id), ...list.pageInfo };
}

/** Every match of `text`, walked two by two. */
async function walk(field: string, text: string, extra = ""): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const next: Ids = await page(field, text, extra, after);
    ids.push(...next.ids);
    if (!next.hasNextPage) return ids;
    after = next.endCursor;
  }
  throw new Error(`${field} "${text}": more than 50 pages`);
}

describe("services > search > relevance", () => {
  it('lists the Exchange hack above REvil for "Exchange", unless orderBy says otherwise', async () => {
    const relevant = await walk("incidents", "Exchange");
    expect(relevant[0]).toBe("microsoft-exchange-2021");
    expect(relevant).toContain("revil-ransomware-attacks-2021");
    const byDate = await walk("incidents", "Exchange", "orderBy: { field: OCCURRED_AT }");
    expect(byDate.indexOf("revil-ransomware-attacks-2021")).toBeLessThan(
      byDate.indexOf("microsoft-exchange-2021"),
    );
  });

  it.each([
    ["statements", "Exchange"],
    ["legalActions", "conspiracy"],
    ["incidents", "ransomware"],
  ])("pages %s matching %j by relevance without losing or repeating a row", async (field, text) => {
    const all: any = await federation.query(
      `query ($text: String!) { list: ${field}(filter: { text: $text }, first: 100) { nodes { id } } }`,
      { text },
    );
    const ids = all.data.list.nodes.map((n: any) => n.id);
    expect(ids.length).toBeGreaterThan(2);
    expect(await walk(field, text)).toEqual(ids);
  });

  // Issue 23 point 4: a relevance order scores every match, so the first page counts them in
  // that scan; a later page (its cursor narrows the scan) counts by a scan of its own.
  it.each([
    ["statements", "Exchange"],
    ["legalActions", "conspiracy"],
    ["incidents", "ransomware"],
    ["threatActors", "panda"],
  ])(
    "counts %s matching %j exactly, in the scan that scores them on page one",
    async (field, text) => {
      const ids = await walk(field, text);
      expect(ids.length).toBeGreaterThan(2);
      const counted = async (after: string | null) => {
        const { data, recorded } = await record(federation, {
          name: field,
          query: `query ($text: String!, $after: String) {
             list: ${field}(filter: { text: $text }, first: 2, after: $after) {
               totalCount totalCountIsLowerBound pageInfo { endCursor }
             }
           }`,
          variables: { text, after },
        });
        expect(recorded).toHaveLength(1);
        // A count apart is the filter's second scan (window-sql.ts `countSql`).
        const countedApart = recorded[0]!.query.includes('"_counted"');
        return { ...(data as any).list, countedApart };
      };
      const first = await counted(null);
      expect(first).toMatchObject({
        totalCount: ids.length,
        totalCountIsLowerBound: false,
        countedApart: false,
      });
      const second = await counted(first.pageInfo.endCursor);
      expect(second).toMatchObject({
        totalCount: ids.length,
        totalCountIsLowerBound: false,
        countedApart: true,
      });
      const last: any = await federation.query(
        `query ($text: String!) { list: ${field}(filter: { text: $text }, last: 2) { totalCount nodes { id } } }`,
        { text },
      );
      expect(last.data.list).toEqual({
        totalCount: ids.length,
        nodes: ids.slice(-2).map((id) => ({ id })),
      });
    },
  );

  it("orders a record's own list by relevance too: an actor's incidents matching a word", async () => {
    const result: any = await federation.query(/* GraphQL */ `
      {
        threatActor(id: "hafnium") {
          incidents(filter: { text: "Exchange" }) {
            nodes {
              id
            }
          }
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    expect(result.data.threatActor.incidents.nodes[0].id).toBe("microsoft-exchange-2021");
  });

  it.each(["incidents", "legalActions", "statements"])(
    "refuses %s ordered by RELEVANCE without filter.text, naming orderBy.field",
    async (field) => {
      const result = await federation.query(
        `{ ${field}(orderBy: { field: RELEVANCE }) { totalCount } }`,
      );
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(/^orderBy\.field: RELEVANCE needs filter\.text/);
    },
  );
});
