import "../../platform/compile-cache";
import { runSubgraph } from "../kit/main";
import { governments } from "./schema";

void runSubgraph(governments, 4001);
