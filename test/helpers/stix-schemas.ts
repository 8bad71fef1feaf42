import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { projectPath } from "../../platform/paths";
import { LEGAL_ACTION_TYPE, legalActionSchema } from "../../stix/extension";
import type { StixObject } from "../../stix/model";

/** The OASIS STIX 2.1 JSON Schemas as stixview ships them. */
const OASIS = projectPath("node_modules", "stixview", "src", "stix2-schemas");
const CORE =
  "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/core.json";
const BUNDLE =
  "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json";

/**
 * STIX 2.1 § 7.3, which stixview's snapshot of the schemas predates: the properties an
 * extension definition must have besides the common ones.
 */
const EXTENSION_DEFINITION = {
  type: "object",
  required: ["created_by_ref", "name", "schema", "version", "extension_types"],
  properties: {
    id: { type: "string", pattern: "^extension-definition--" },
    name: { type: "string" },
    description: { type: "string" },
    schema: { type: "string" },
    version: { type: "string" },
    extension_types: {
      type: "array",
      minItems: 1,
      items: {
        enum: [
          "new-sdo",
          "new-sco",
          "new-sro",
          "property-extension",
          "toplevel-property-extension",
        ],
      },
    },
  },
};

export interface StixValidator {
  /** The problems of one object against its type's schema (and core.json), `[]` when valid. */
  object(object: StixObject): string[];
  /** The bundle envelope against bundle.json, with the objects of the types it lists. */
  bundle(bundle: { objects: StixObject[] }): string[];
}

export function stixValidator(): StixValidator {
  // `unicodeRegExp: false`: a `\-` in one of the OASIS patterns is invalid in unicode mode.
  // domain-name.json asks for "idn-hostname", which ajv-formats does not check: accepted as is.
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    unicodeRegExp: false,
    formats: { "idn-hostname": true },
  });
  addFormats(ajv);
  const known = new Set<string>();
  for (const folder of ["common", "sdos", "sros", "observables"]) {
    for (const file of readdirSync(join(OASIS, folder))) {
      ajv.addSchema(JSON.parse(readFileSync(join(OASIS, folder, file), "utf8")));
      if (folder !== "common") known.add(file.replace(/\.json$/, ""));
    }
  }
  // bundle.json lists the types of its snapshot (no location, grouping, note, ...); the others
  // and custom objects match both core.json and cyber-observable-core.json in its `oneOf`.
  const inBundle = new Set(
    [
      ...readFileSync(join(OASIS, "common", "bundle.json"), "utf8").matchAll(
        /"\.\.\/(?:sdos|sros)\/([a-z-]+)\.json"/g,
      ),
    ].map(([, type]) => type),
  );
  const validators = new Map<string, ValidateFunction[]>();
  const core = ajv.getSchema(CORE)!;
  const forType = (type: string): ValidateFunction[] => {
    if (!validators.has(type)) {
      const folder = type === "relationship" || type === "sighting" ? "sros" : "sdos";
      validators.set(
        type,
        known.has(type)
          ? [ajv.getSchema(`${CORE.replace("common/core.json", `${folder}/${type}.json`)}`)!]
          : type === LEGAL_ACTION_TYPE
            ? [core, ajv.compile(legalActionSchema())]
            : type === "extension-definition"
              ? [core, ajv.compile(EXTENSION_DEFINITION)]
              : [core],
      );
    }
    return validators.get(type)!;
  };
  const problems = (validate: ValidateFunction, value: unknown, label: string) =>
    validate(value)
      ? []
      : (validate.errors ?? []).map(
          (error) =>
            `${label}${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`,
        );
  return {
    object: (object) =>
      forType(object.type).flatMap((validate) => problems(validate, object, object.id)),
    bundle: (bundle) =>
      problems(
        ajv.getSchema(BUNDLE)!,
        { ...bundle, objects: bundle.objects.filter((object) => inBundle.has(object.type)) },
        "bundle",
      ),
  };
}
