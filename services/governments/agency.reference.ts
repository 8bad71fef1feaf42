import { referenceResolver } from "../kit/references";
import type { Context } from "./context";

/** How the gateway fetches Agencys by key for other subgraphs: batched per request. */
export const agencyReference = referenceResolver("Agency", (c: Context) => c.loaders.agencyById);
