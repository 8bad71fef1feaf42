import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { graphQLData } from "../../scripts/graphql-client";
import {
  IncidentStoryDocument,
  type StatementInput,
  UpsertStatementDocument,
} from "./.generated/gql/graphql";

/**
 * A small client typed end to end by graphql-codegen: the variables and the answer of each
 * request are the types generated from the schema and the README's documents; the project's one
 * GraphQL client sends them.
 */
export function request<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  token?: string,
): Promise<Result> {
  const query = { query: print(document), variables: variables as Record<string, unknown> };
  return graphQLData<Result>(url, query, { token });
}

/** "Issuer: wording" for each attribution of the Exchange hack. */
export async function whoBlamedWhom(url: string): Promise<string[]> {
  const { incident } = await request(url, IncidentStoryDocument, {});
  return (incident?.attributions?.nodes ?? []).map(
    (attribution) =>
      `${attribution.statement.issuer.name}: ${attribution.confidenceWording ?? "-"}`,
  );
}

export const statement: StatementInput = {
  id: "typed-client-statement",
  kind: "PRESS_RELEASE",
  issuedAt: "2024-05",
  issuer: "us",
  language: "en",
  title: "Written by the typed client",
  attributions: [
    {
      id: "typed-client-attribution",
      incident: "microsoft-exchange-2021",
      state: "cn",
      kind: "FORMAL",
    },
  ],
  sources: ["typed-client"],
};

export async function write(url: string, token: string) {
  const { upsertStatement } = await request(
    url,
    UpsertStatementDocument,
    { input: statement, sources: [{ key: "typed-client", url: "https://example.org/typed" }] },
    token,
  );
  // A refused write answers its problems, typed too, with the statement null.
  if (!upsertStatement?.statement) {
    const problems = upsertStatement?.problems ?? [];
    throw new Error(problems.map((p) => `${p.path.join(".")}: ${p.message}`).join("; "));
  }
  return { action: upsertStatement.action, id: upsertStatement.statement.id };
}
