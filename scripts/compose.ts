import "../platform/compile-cache";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { composeSupergraph } from "./compose-supergraph";
import { projectPath } from "../platform/paths";
import { parseCommand, runCommand } from "./cli";

const USAGE = `usage: npm run compose
  Writes schema/<subgraph>.graphql, schema/supergraph.graphql and what goes with them
  (api.graphql, bundle.schema.json, field-sizes.json) from the code; commit the result.`;

/** Writes schema/<subgraph>.graphql, the supergraph and what goes with it, from the code. */
async function main() {
  parseCommand(USAGE, { options: {} });
  const schemaDir = projectPath("schema");
  const { subgraphs, supergraphSdl, bundleSchema, apiSdl, fieldSizes } = await composeSupergraph();
  for (const { name, sdl } of subgraphs) {
    await writeFile(join(schemaDir, `${name}.graphql`), sdl);
    console.log(`wrote schema/${name}.graphql`);
  }
  await writeFile(join(schemaDir, "supergraph.graphql"), supergraphSdl);
  console.log("wrote schema/supergraph.graphql");
  await writeFile(join(schemaDir, "bundle.schema.json"), bundleSchema);
  console.log("wrote schema/bundle.schema.json");
  await writeFile(join(schemaDir, "api.graphql"), apiSdl);
  console.log("wrote schema/api.graphql");
  await writeFile(join(schemaDir, "field-sizes.json"), fieldSizes);
  console.log("wrote schema/field-sizes.json");
}

runCommand(USAGE, main);
