import { expect } from "vitest";
import { shippedDataset } from "./dataset";
import type { TestFederation } from "./federation";
import { readmeExamples } from "./readme";

// What the README's "Two times" examples answer, as its text says: every statement once, oldest
// change first, then only what changed since; the deletions since a time.

type Check = (
  data: any,
  context: { federation: TestFederation; variables: Record<string, unknown> },
) => void | Promise<void>;

const data = shippedDataset();
const example = (name: string) => readmeExamples().find((one) => one.name === name)!;
const key = (node: any) => `${node.recordTime.updatedAt} ${node.id}`;

/** The first run (`since: null`): every statement once, in (updatedAt, id) order; paged alike. */
const syncChanges: Check = async ({ statements }, { federation }) => {
  expect(statements.pageInfo.hasNextPage).toBe(false);
  const ids = statements.nodes.map((node: any) => node.id);
  expect([...ids].sort()).toEqual(data.statements.map((s) => s.id).sort());
  const keys = statements.nodes.map(key);
  expect(keys).toEqual([...keys].sort());
  for (const { recordTime } of statements.nodes) expect(recordTime.revision).toBe(1);

  // The same loop with pages of 5, as the README's client turns them: the same records, once
  // (with the statement the README's write example has created since).
  const whole = await federation.query<any>(example("SyncChanges").text, { since: null });
  const query = example("SyncChanges").text.replace("first: 100", "first: 5");
  const paged: any[] = [];
  let after: string | null = null;
  do {
    const page: any = await federation.query<any>(query, { since: null, after });
    expect(page.errors).toBeUndefined();
    paged.push(...page.data.statements.nodes);
    after = page.data.statements.pageInfo.hasNextPage
      ? page.data.statements.pageInfo.endCursor
      : null;
  } while (after);
  expect(paged.map((node) => node.id)).toEqual(
    whole.data.statements.nodes.map(({ id }: any) => id),
  );
  expect(paged.map((node) => node.id).slice(0, ids.length)).toEqual(ids);

  // The next run, from the latest updatedAt seen: what changed at or after it, nothing older.
  const since = statements.nodes.at(-1).recordTime.updatedAt;
  const next = await federation.query<any>(example("SyncChanges").text, { since, after: null });
  for (const node of next.data.statements.nodes) {
    expect(Date.parse(node.recordTime.updatedAt)).toBeGreaterThanOrEqual(Date.parse(since));
  }
  expect(next.data.statements.nodes.map((node: any) => node.id)).toContain(ids.at(-1));
};

/**
 * Nothing of the shipped dataset is deleted; deleting the statement the README's write example
 * created (the mutations ran after the queries) lists it since the README's time.
 */
const syncDeletions: Check = async ({ deletedStatements }, { federation, variables }) => {
  expect(deletedStatements).toEqual({
    nodes: [],
    pageInfo: { hasNextPage: false, endCursor: null },
  });
  const { id } = example("UpsertStatement").variables.input as { id: string };
  const token = await federation.token("editor");
  const removal = await federation.query<any>(
    /* GraphQL */ `
      mutation ($id: ID!) {
        deleteStatement(id: $id) {
          action
        }
      }
    `,
    { id },
    { token },
  );
  expect(removal.data.deleteStatement.action).toBe("DELETED");
  const after = await federation.query<any>(example("SyncDeletions").text, variables);
  const [tombstone] = after.data.deletedStatements.nodes;
  expect(tombstone.globalId).toBe(`Statement:${id}`);
  expect(Date.parse(tombstone.deletedAt)).toBeGreaterThan(Date.parse(variables.since as string));
};

export const README_SYNC_CHECKS: Record<string, Check> = {
  SyncChanges: syncChanges,
  SyncDeletions: syncDeletions,
};
