import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import {
  IncidentStoryDocument,
  type StatementInput,
  UpsertStatementDocument,
} from "./.generated/gql/graphql";

/**
 * A small client typed end to end by graphql-codegen: the variables and the answer of each
 * request are the types generated from the schema and the README's documents.
 */
export async function request<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  token?: string,
): Promise<Result> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data as Result;
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
  return { action: upsertStatement.action, id: upsertStatement.statement.id };
}
