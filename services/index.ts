import { governments } from "./governments/schema";

/** The subgraphs of the federation, with their standard ports. */
export const subgraphs = [{ definition: governments, port: 4001 }] as const;
