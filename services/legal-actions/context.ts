import type { SubgraphContext } from "../common/subgraph";
import type { Loaders } from "./loaders";

export type Context = SubgraphContext<Loaders>;
