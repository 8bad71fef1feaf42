import { referenceResolver } from "../common/references";
import type { ResolverMap } from "../common/subgraph";
import type { Context } from "./context";

/** How the gateway fetches this subgraph's entities by key: batched per request. */
export const referenceResolvers: ResolverMap = {
  Government: referenceResolver("Government", (c: Context) => c.loaders.governmentById),
  Agency: referenceResolver("Agency", (c: Context) => c.loaders.agencyById),
  Official: referenceResolver("Official", (c: Context) => c.loaders.officialById),
  Statement: referenceResolver("Statement", (c: Context) => c.loaders.statementById),
  Attribution: referenceResolver("Attribution", (c: Context) => c.loaders.attributionById),
};
