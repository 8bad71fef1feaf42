import { referenceResolver } from "../kit/references";
import type { Context } from "./context";

/** How the gateway fetches Governments by key for other subgraphs: batched per request. */
export const governmentReference = referenceResolver(
  "Government",
  (c: Context) => c.loaders.governmentById,
);
