import "reflect-metadata";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse, printSchema } from "graphql";
import { BUNDLE_KEYS } from "../platform/bundle";
import { fieldSizes } from "./field-sizes";
import { bundleJsonSchema } from "./json-schema";
import { buildFederatedSchema } from "../services/kit/subgraph";
import { subgraphs } from "../services";

export interface ComposedSchemas {
  subgraphs: { name: string; sdl: string }[];
  supergraphSdl: string;
  /** schema/bundle.schema.json: the bundle file format, from the write input types. */
  bundleSchema: string;
  /** schema/api.graphql: the schema clients see (the supergraph without federation's machinery). */
  apiSdl: string;
  /** schema/field-sizes.json: the longest value of each output field, for the cost model. */
  fieldSizes: string;
}

/** Composes the supergraph from the subgraphs' code, as `npm run compose` writes it to schema/. */
export async function composeSupergraph(): Promise<ComposedSchemas> {
  const printed = [];
  const schemas = [];
  for (const { definition, port } of subgraphs) {
    const schema = await buildFederatedSchema(definition);
    schemas.push(schema);
    printed.push({
      name: definition.name,
      sdl: printSubgraphSchema(schema),
      url: `http://127.0.0.1:${port}/`,
    });
  }
  const kinds = BUNDLE_KEYS.map((key) => {
    const owner = subgraphs
      .flatMap(({ definition }) => definition.records)
      .find((record) => record.writes.bundleKey === key);
    if (!owner) throw new Error(`no subgraph writes ${key}`);
    return { key, input: owner.input };
  });
  const result = composeServices(
    printed.map(({ name, sdl, url }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join("\n")}`);
  }
  const api = result.schema.toAPISchema().toGraphQLJSSchema();
  const bundleSchema = bundleJsonSchema(schemas, kinds);
  const records = subgraphs
    .flatMap(({ definition }) => definition.records)
    .map(({ input, writes }) => ({ type: writes.type, input }));
  return {
    subgraphs: printed.map(({ name, sdl }) => ({ name, sdl })),
    supergraphSdl: result.supergraphSdl,
    bundleSchema: `${JSON.stringify(bundleSchema, null, 2)}\n`,
    apiSdl: `${printSchema(api)}\n`,
    fieldSizes: `${JSON.stringify(fieldSizes(api, bundleSchema, records), null, 2)}\n`,
  };
}
