import { referenceResolver } from "../kit/references";
import type { Context } from "./context";

/** How the gateway fetches LegalActions by key for other subgraphs: batched per request. */
export const legalActionReference = referenceResolver(
  "LegalAction",
  (c: Context) => c.loaders.legalActionById,
);
