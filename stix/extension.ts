import { readFileSync } from "node:fs";
import { projectPath } from "../platform/paths";
import { stixId } from "./ids";
import { SPEC_VERSION, type StixObject } from "./model";

/** The day version 1.0.0 of the extension was defined: created/modified of the two objects below. */
export const DEFINED = "2026-12-01T00:00:00.000Z";

/** The producer of every object: `created_by_ref` of all but reports and attributions. */
export const PROJECT_IDENTITY: StixObject = {
  type: "identity",
  spec_version: SPEC_VERSION,
  id: stixId("identity", "attribution-graph"),
  created: DEFINED,
  modified: DEFINED,
  name: "attribution-graph",
  identity_class: "system",
  description:
    "The attribution-graph API: public attributions of state-linked cyber operations, the statements that make them and the legal actions that follow, each record citing its sources.",
};

/** The new SDO that carries indictments, complaints and sanctions (STIX has no such object). */
export const LEGAL_ACTION_TYPE = "x-attribution-graph-legal-action";

export const LEGAL_ACTION_SCHEMA_PATH = "/stix/schemas/x-attribution-graph-legal-action.json";

export const EXTENSION_DEFINITION: StixObject = {
  type: "extension-definition",
  spec_version: SPEC_VERSION,
  id: stixId("extension-definition", `${LEGAL_ACTION_TYPE}/1.0.0`),
  created_by_ref: PROJECT_IDENTITY.id,
  created: DEFINED,
  modified: DEFINED,
  name: "attribution-graph legal action",
  description: `A new SDO, \`${LEGAL_ACTION_TYPE}\`: an indictment, criminal complaint, sanction, arrest, extradition, conviction or seizure, with its charges, defendants, sanctions regime and the campaigns and intrusion sets it concerns.`,
  schema: `JSON Schema (draft-07) stix/schemas/x-attribution-graph-legal-action.json of the attribution-graph project, served by its gateway at ${LEGAL_ACTION_SCHEMA_PATH}`,
  version: "1.0.0",
  extension_types: ["new-sdo"],
};

/** `extensions` of every legal-action object. */
export const NEW_SDO_EXTENSION = { [EXTENSION_DEFINITION.id]: { extension_type: "new-sdo" } };

export function legalActionSchema(): Record<string, unknown> {
  return JSON.parse(
    readFileSync(projectPath("stix", "schemas", `${LEGAL_ACTION_TYPE}.json`), "utf8"),
  ) as Record<string, unknown>;
}
