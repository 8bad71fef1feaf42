import { runSubgraph } from "../common/main";
import { legalActions } from "./schema";

void runSubgraph(legalActions, 4003);
