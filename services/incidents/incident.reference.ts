import { referenceResolver } from "../kit/references";
import type { Context } from "./context";

/** How the gateway fetches Incidents by key for other subgraphs: batched per request. */
export const incidentReference = referenceResolver(
  "Incident",
  (c: Context) => c.loaders.incidentById,
);
