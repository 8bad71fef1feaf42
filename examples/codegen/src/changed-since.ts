import { graphql } from "./gql";
import type { TypedDocumentString } from "./gql/graphql";

/** Statements issued since `from` that this graph changed since `since`: all three scalars. */
export const StatementsChangedSince = graphql(`
  query StatementsChangedSince($since: DateTime!, $from: PartialDate) {
    statements(first: 10, filter: { updatedSince: $since, issuedBetween: { from: $from } }) {
      totalCount
      nodes {
        id
        title
        issuedAt {
          value
          precision
        }
        recordTime {
          updatedAt
        }
        bundleRecord
      }
    }
  }
`);

/** POSTs a typed document to the gateway; the answer has the document's generated type. */
export async function execute<Result, Variables>(
  url: string,
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: { message: string }[] };
  if (!body.data || body.errors) throw new Error(body.errors?.[0]?.message ?? response.statusText);
  return body.data;
}

/** The scalars as mapped types: a scalar left `unknown` by codegen fails to compile here. */
export interface ChangedStatement {
  id: string;
  issued: string;
  updatedAt: string;
  bundleRecord: Record<string, unknown>;
}

export async function statementsChangedSince(
  url: string,
  since: Date,
  from?: string,
): Promise<ChangedStatement[]> {
  const { statements } = await execute(url, StatementsChangedSince, {
    since: since.toISOString(),
    from,
  });
  return statements.nodes.map((statement) => ({
    id: statement.id,
    issued: statement.issuedAt.value,
    updatedAt: statement.recordTime.updatedAt,
    bundleRecord: statement.bundleRecord,
  }));
}
