import "../../platform/compile-cache";
import { runSubgraph } from "../kit/main";
import { incidents } from "./schema";

void runSubgraph(incidents, 4002);
