import type { SubgraphDefinition } from "./kit/subgraph";
import { governments } from "./governments/schema";
import { incidents } from "./incidents/schema";
import { legalActions } from "./legal-actions/schema";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySubgraph = SubgraphDefinition<any>;

/** The subgraphs of the federation, with their standard ports. */
export const subgraphs: readonly { definition: AnySubgraph; port: number }[] = [
  { definition: governments, port: 4001 },
  { definition: incidents, port: 4002 },
  { definition: legalActions, port: 4003 },
];
