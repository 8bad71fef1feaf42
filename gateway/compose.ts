import "reflect-metadata";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { buildFederatedSchema } from "../services/common/subgraph";
import { subgraphs } from "../services";

export interface ComposedSchemas {
  subgraphs: { name: string; sdl: string }[];
  supergraphSdl: string;
}

/** Composes the supergraph from the subgraphs' code, as `npm run compose` writes it to schema/. */
export async function composeSupergraph(): Promise<ComposedSchemas> {
  const printed = [];
  for (const { definition, port } of subgraphs) {
    const sdl = printSubgraphSchema(await buildFederatedSchema(definition));
    printed.push({ name: definition.name, sdl, url: `http://127.0.0.1:${port}/` });
  }
  const result = composeServices(
    printed.map(({ name, sdl, url }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join("\n")}`);
  }
  return {
    subgraphs: printed.map(({ name, sdl }) => ({ name, sdl })),
    supergraphSdl: result.supergraphSdl,
  };
}
