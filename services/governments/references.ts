import type { ResolverMap } from "../common/subgraph";
import type { Context } from "./context";

const byId = (loader: keyof Context["loaders"] & `${string}ById`) => ({
  __resolveReference: (reference: { id: string }, { loaders }: Context) =>
    loaders[loader].load(reference.id),
});

/** How the gateway fetches this subgraph's entities by key: batched per request. */
export const referenceResolvers: ResolverMap = {
  Government: byId("governmentById"),
  Agency: byId("agencyById"),
  Official: byId("officialById"),
  Statement: byId("statementById"),
  Attribution: byId("attributionById"),
};
