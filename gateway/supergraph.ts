import { projectPath } from "../platform/paths";

/** The composed supergraph the gateway serves (`npm run compose` writes it). */
export const SUPERGRAPH_PATH = projectPath("schema", "supergraph.graphql");

/** The longest value of each output field, for the cost model (`npm run compose` writes it). */
export const FIELD_SIZES_PATH = projectPath("schema", "field-sizes.json");
