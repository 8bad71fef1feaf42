import { projectPath } from "../platform/paths";

/** The composed supergraph the gateway serves (`npm run compose` writes it). */
export const SUPERGRAPH_PATH = projectPath("schema", "supergraph.graphql");
