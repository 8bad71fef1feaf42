import { referenceResolver } from "../kit/references";
import type { Context } from "./context";

/** How the gateway fetches Officials by key for other subgraphs: batched per request. */
export const officialReference = referenceResolver(
  "Official",
  (c: Context) => c.loaders.officialById,
);
