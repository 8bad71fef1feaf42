import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type AnyVariables, useQuery } from "urql";
import { usePageCursor } from "./use-page-cursor";

/**
 * A paged list's query: `variables` and the `after` cursor of the page to add, back to the first
 * page when `listKey` (the record or search text the list belongs to) changes.
 */
export function usePagedQuery<Data, Variables extends AnyVariables>(
  listKey: string,
  query: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, "after">,
) {
  const [after, setAfter] = usePageCursor(listKey);
  const [result] = useQuery<Data, Variables>({
    query,
    variables: { ...variables, after } as unknown as Variables,
  });
  return { ...result, setAfter };
}
