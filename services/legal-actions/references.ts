import { referenceResolver } from "../common/references";
import type { ResolverMap } from "../common/subgraph";
import type { Context } from "./context";

/** How the gateway fetches this subgraph's entities by key: batched per request. */
export const referenceResolvers: ResolverMap = {
  LegalAction: referenceResolver("LegalAction", (c: Context) => c.loaders.legalActionById),
};
