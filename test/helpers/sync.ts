import { expect } from "vitest";
import type { TestFederation } from "./federation";

export interface RecordTime {
  createdAt: string;
  updatedAt: string;
  revision: number;
}

export interface Page {
  nodes: { id: string; recordTime: RecordTime }[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const recordTimeOf = (node: { recordTime: RecordTime }) => node.recordTime;

/**
 * Every page of the root list `list` (of `type` records), oldest change first (`orderBy: UPDATED_AT ASC`), turned
 * with `after` as a sync client turns them: one request per page.
 */
export async function pageAll(
  federation: TestFederation,
  [list, type]: [list: string, type: string],
  options: { first: number; filter?: object; onPage?: (page: Page) => void },
): Promise<{ nodes: Page["nodes"]; totalCount: number }> {
  const query = /* GraphQL */ `
    query Changes($first: Int, $after: String, $filter: ${type}Filter) {
      ${list}(first: $first, after: $after, filter: $filter,
              orderBy: { field: UPDATED_AT, direction: ASC }) {
        nodes { id recordTime { createdAt updatedAt revision } }
        totalCount
        pageInfo { hasNextPage endCursor }
      }
    }
  `;
  const nodes: Page["nodes"] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const result: { data?: Record<string, Page> | null; errors?: unknown } = await federation.query<
      Record<string, Page>
    >(query, {
      first: options.first,
      after,
      filter: options.filter ?? null,
    });
    expect(result.errors).toBeUndefined();
    const page: Page = result.data![list];
    options.onPage?.(page);
    nodes.push(...page.nodes);
    totalCount = page.totalCount;
    if (!page.pageInfo.hasNextPage) return { nodes, totalCount };
    after = page.pageInfo.endCursor;
  }
}
