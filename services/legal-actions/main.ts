import "../../platform/compile-cache";
import { runSubgraph } from "../kit/main";
import { legalActions } from "./schema";

void runSubgraph(legalActions, 4003);
