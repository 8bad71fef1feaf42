import { runSubgraph } from "../common/main";
import { governments } from "./schema";

void runSubgraph(governments, 4001);
