import { referenceResolver } from "../kit/references";
import type { Context } from "./context";

/** How the gateway fetches Attributions by key for other subgraphs: batched per request. */
export const attributionReference = referenceResolver(
  "Attribution",
  (c: Context) => c.loaders.attributionById,
);
