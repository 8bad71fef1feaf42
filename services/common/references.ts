import type DataLoader from "dataloader";
import { notFound } from "./errors";

/**
 * `__resolveReference` through a per-request loader. A key no row matches (a dangling reference
 * from another subgraph) is reported as NOT_FOUND at its path, never silently dropped.
 */
export function referenceResolver<C>(
  type: string,
  loader: (context: C) => DataLoader<string, unknown>,
) {
  return {
    __resolveReference: async (reference: { id: string }, context: C) =>
      (await loader(context).load(reference.id)) ?? Promise.reject(notFound(type, reference.id)),
  };
}
