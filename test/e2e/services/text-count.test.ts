import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import { twoSizesBundle } from "../../helpers/synthetic";

const LARGE = 30;
const BOUND = 3;

const SEARCH = /* GraphQL */ `
  query Search($text: String, $first: Int) {
    statements(filter: { text: $text }, first: $first) {
      totalCount
      totalCountIsLowerBound
      nodes {
        id
      }
    }
  }
`;

// A text search counts its matches up to TEXT_COUNT_BOUND (lowered to 3 here), as search APIs
// do: past it, totalCount is the bound and says it is a lower bound; the page is unaffected,
// and a list without a text search still counts exactly.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
beforeAll(async () => {
  databaseUrl = await createDatabase(serverUrl, "text_count");
  await prepareDatabase(databaseUrl, [twoSizesBundle(LARGE)]);
  federation = await startTestFederation(databaseUrl, { textCountBound: BOUND });
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

describe("services > text search counts up to a bound", () => {
  it("says totalCount is a lower bound past the bound, the page unchanged", async () => {
    const large = await federation.query<any>(SEARCH, { text: "largeword", first: 10 });
    expect(large.errors).toBeUndefined();
    expect(large.data.statements).toMatchObject({
      totalCount: BOUND,
      totalCountIsLowerBound: true,
    });
    expect(large.data.statements.nodes).toHaveLength(10);
  });

  it("counts exactly up to the bound", async () => {
    const small = await federation.query<any>(SEARCH, { text: "smallword", first: 10 });
    expect(small.errors).toBeUndefined();
    expect(small.data.statements).toMatchObject({ totalCount: 1, totalCountIsLowerBound: false });
  });

  it("counts a list without a text search exactly, whatever its size", async () => {
    const all = await federation.query<any>(SEARCH, { first: 1 });
    expect(all.errors).toBeUndefined();
    expect(all.data.statements.totalCount).toBeGreaterThan(LARGE);
    expect(all.data.statements.totalCountIsLowerBound).toBe(false);
  });

  it("counts with the page in one statement", async () => {
    expect(await federation.countStatements(SEARCH, { text: "largeword", first: 10 })).toBe(1);
  });
});

// `totalCount` asked through a fragment is seen and counted with the page: one statement for the
// statements, one for all their attributions with their counts.
describe("services > counts asked through fragments", () => {
  it("counts a nested list whose totalCount comes in a fragment, in the page's statement", async () => {
    const query = /* GraphQL */ `
      query Fragments {
        statements(filter: { text: "largeword" }, first: 2) {
          nodes {
            attributions {
              ...Counted
            }
          }
        }
      }
      fragment Counted on AttributionConnection {
        totalCount
        nodes {
          id
        }
      }
    `;
    const answer = await federation.query<any>(query);
    expect(answer.errors).toBeUndefined();
    for (const statement of answer.data.statements.nodes) {
      expect(statement.attributions.totalCount).toBe(statement.attributions.nodes.length);
    }
    expect(await federation.countStatements(query)).toBe(2);
  });
});
