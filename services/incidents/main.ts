import { runSubgraph } from "../common/main";
import { incidents } from "./schema";

void runSubgraph(incidents, 4002);
