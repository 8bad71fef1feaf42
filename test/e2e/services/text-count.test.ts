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

const PAGE = /* GraphQL */ `
  query Page(
    $text: String
    $field: StatementOrderField!
    $after: String
    $before: String
    $first: Int
    $last: Int
  ) {
    statements(
      filter: { text: $text }
      orderBy: { field: $field }
      first: $first
      last: $last
      after: $after
      before: $before
    ) {
      totalCount
      totalCountIsLowerBound
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
      }
    }
  }
`;

/** Every page of "largeword" in `field`'s order, forwards (`first`) or backwards (`last`). */
async function pagesOf(field: string, direction: "first" | "last", size: number) {
  const pages: any[] = [];
  let cursor: string | null = null;
  do {
    const variables: Record<string, unknown> = { text: "largeword", field, [direction]: size };
    if (cursor) variables[direction === "first" ? "after" : "before"] = cursor;
    const answer: any = await federation.query<any>(PAGE, variables);
    expect(answer.errors).toBeUndefined();
    const page = answer.data.statements;
    pages.push(page);
    const more = direction === "first" ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    cursor = more ? page.pageInfo[direction === "first" ? "endCursor" : "startCursor"] : null;
  } while (cursor);
  return pages;
}

/** The ids of `pages`, in order; each page says it counted up to the bound. */
function idsCounted(pages: any[]): string[] {
  for (const page of pages) {
    expect(page).toMatchObject({ totalCount: BOUND, totalCountIsLowerBound: true });
  }
  return pages.flatMap((page) => page.nodes.map((node: { id: string }) => node.id));
}

// A text search counts its matches up to TEXT_COUNT_BOUND (lowered to 3 here), as search APIs
// do: past it, totalCount is the bound and says it is a lower bound, and relevance ranks only the
// matches counted (the bound + 1 most recent); ordered by date, every match is listed, and a list
// without a text search still counts exactly.
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
  it("says totalCount is a lower bound past the bound, and ranks the matches it counted", async () => {
    const large = await federation.query<any>(SEARCH, { text: "largeword", first: 10 });
    expect(large.errors).toBeUndefined();
    expect(large.data.statements).toMatchObject({
      totalCount: BOUND,
      totalCountIsLowerBound: true,
    });
    // Issued on day (i % 28) + 1 of a month: the four most recent are 24 to 27.
    const ids = large.data.statements.nodes.map((node: { id: string }) => node.id);
    expect(ids.sort()).toEqual([24, 25, 26, 27].map((i) => `statement-large-${i}`));
  });

  it("lists every match in date order, page after page, either way, each page counting all", async () => {
    const forwards = idsCounted(await pagesOf("ISSUED_AT", "first", 7));
    const backwards = idsCounted((await pagesOf("ISSUED_AT", "last", 7)).reverse());
    expect(new Set(forwards).size).toBe(LARGE);
    expect(forwards).toHaveLength(LARGE);
    expect(backwards).toEqual(forwards);
  });

  it("pages through the ranked matches by relevance, either way, each page counting all", async () => {
    const forwards = idsCounted(await pagesOf("RELEVANCE", "first", 2));
    const backwards = idsCounted((await pagesOf("RELEVANCE", "last", 2)).reverse());
    expect([...forwards].sort()).toEqual([24, 25, 26, 27].map((i) => `statement-large-${i}`));
    expect(backwards).toEqual(forwards);
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
