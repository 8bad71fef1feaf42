import type { ResolverMap } from "../common/subgraph";
import type { Context } from "./context";

/** How the gateway fetches this subgraph's entities by key: batched per request. */
export const referenceResolvers: ResolverMap = {
  LegalAction: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) =>
      loaders.legalActionById.load(reference.id),
  },
};
