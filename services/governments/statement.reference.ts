import { referenceResolver } from "../kit/references";
import type { Context } from "./context";

/** How the gateway fetches Statements by key for other subgraphs: batched per request. */
export const statementReference = referenceResolver(
  "Statement",
  (c: Context) => c.loaders.statementById,
);
