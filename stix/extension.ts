import { readFileSync } from "node:fs";
import { projectPath } from "../platform/paths";
import { stixId } from "./ids";
import { SPEC_VERSION, type StixObject, X } from "./model";

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

/**
 * The project's properties on standard objects (a report's quotes, an attribution's kind and
 * wording, date precisions, ...): a STIX 2.1 property extension (§ 7.3), so that consumers and
 * validators know them, rather than top-level `x_` custom properties.
 */
export const PROPERTY_EXTENSION: StixObject = {
  type: "extension-definition",
  spec_version: SPEC_VERSION,
  id: stixId("extension-definition", "attribution-graph-properties/1.0.0"),
  created_by_ref: PROJECT_IDENTITY.id,
  created: DEFINED,
  modified: DEFINED,
  name: "attribution-graph properties",
  description:
    "What attribution-graph records about standard objects beyond STIX: kinds, date precisions, a statement's quotes and their translations, an attribution's kind, party, confidence level and wording, aliases with who named them, roles, names and affiliations of persons. The properties and their meaning: README, section STIX 2.1 and TAXII 2.1, of the attribution-graph project.",
  schema: `The README of the attribution-graph project, section "STIX 2.1 and TAXII 2.1" (properties under extensions["${stixId("extension-definition", "attribution-graph-properties/1.0.0")}"])`,
  version: "1.0.0",
  extension_types: ["property-extension"],
};

/**
 * `object` with its `x_attribution_graph_*` properties moved under
 * `extensions[<PROPERTY_EXTENSION id>]`, without the prefix.
 */
export function withPropertyExtension(object: StixObject): StixObject {
  const own = Object.keys(object).filter((key) => key.startsWith(X));
  if (!own.length) return object;
  const extension: Record<string, unknown> = { extension_type: "property-extension" };
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (key.startsWith(X)) extension[key.slice(X.length)] = value;
    else rest[key] = value;
  }
  const extensions = { ...(rest.extensions as object), [PROPERTY_EXTENSION.id]: extension };
  return { ...rest, extensions } as unknown as StixObject;
}
