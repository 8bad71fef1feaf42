import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { ReactElement } from "react";
import { useParams } from "react-router-dom";
import { type CombinedError, useQuery } from "urql";
import { Loading, QueryError, isNotFound } from "../components/query-state";
import { useDocumentTitle } from "../lib/use-document-title";
import { NotFoundPage } from "./not-found-page";

type RecordPage<R> =
  | { record: R; error: CombinedError | undefined; instead?: undefined }
  | { record?: undefined; error: CombinedError | undefined; instead: ReactElement };

/** What titles a record's page: its name (a legal action's title). */
type Titled = { name: string } | { title: string };

/**
 * The record a page shows, read by the id in its URL and titling the document: the record, or
 * what the page shows instead (loading, no such record, the error).
 */
export function useRecordPage<Data, R extends Titled>(
  query: TypedDocumentNode<Data, { id: string | number }>,
  what: string,
  pick: (data: Data | undefined) => R | null | undefined,
): RecordPage<R> {
  const { id = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query, variables: { id } });
  const record = pick(data);
  useDocumentTitle(record && ("name" in record ? record.name : record.title));
  if (record) return { record, error };
  if (fetching) return { error, instead: <Loading what={`the ${what}`} /> };
  if (isNotFound(error) || !error) return { error, instead: <NotFoundPage what={what} /> };
  return { error, instead: <QueryError error={error} /> };
}
