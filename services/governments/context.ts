import type { SubgraphContext } from "../kit/subgraph";
import type { Loaders } from "./loaders";

export type Context = SubgraphContext<Loaders>;
