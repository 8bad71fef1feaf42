import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { projectPath } from "../../platform/paths";
import { LEGAL_ACTION_TYPE, PROPERTY_EXTENSION, legalActionSchema } from "../../stix/extension";
import { type StixObject, X } from "../../stix/model";

/** The current OASIS STIX 2.1 JSON Schemas, as the project ships them (stix/schemas/oasis). */
const OASIS = projectPath("stix", "schemas", "oasis", "schemas");
const BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

export interface StixValidator {
  /** The problems of one object against its type's schema (and core.json), `[]` when valid. */
  object(object: StixObject): string[];
  /** The bundle envelope against bundle.json, with the objects of the types it lists. */
  bundle(bundle: { objects: StixObject[] }): string[];
}

export function stixValidator(): StixValidator {
  // `unicodeRegExp: false`: a `\-` in one of the OASIS patterns is invalid in unicode mode.
  // domain-name.json asks for "idn-hostname", which ajv-formats does not check: accepted as is.
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    unicodeRegExp: false,
    formats: { "idn-hostname": true },
  });
  addFormats(ajv);
  const files = new Map<string, string>();
  for (const folder of ["common", "sdos", "sros", "observables"]) {
    for (const file of readdirSync(join(OASIS, folder))) {
      ajv.addSchema(JSON.parse(readFileSync(join(OASIS, folder, file), "utf8")));
      files.set(file.replace(/\.json$/, ""), `${BASE}${folder}/${file}`);
    }
  }
  // bundle.json's `oneOf` lists the types of STIX 2.1's first draft (no location, extension-definition,
  // grouping, ...); any other object matches both core.json and cyber-observable-core.json in its
  // fallback `oneOf`, so it can never pass there: the envelope is checked with the listed types,
  // and every object, listed or not, against its own type's schema.
  const inBundle = new Set(
    [
      ...readFileSync(join(OASIS, "common", "bundle.json"), "utf8").matchAll(
        /"\.\.\/(?:sdos|sros|observables|common)\/([a-z-]+)\.json"/g,
      ),
    ].map(([, type]) => type),
  );
  const validators = new Map<string, ValidateFunction[]>();
  const core = ajv.getSchema(`${BASE}common/core.json`)!;
  const forType = (type: string): ValidateFunction[] => {
    if (!validators.has(type)) {
      const own = files.get(type);
      validators.set(
        type,
        own && type !== "core" && type !== "bundle"
          ? [ajv.getSchema(own)!]
          : type === LEGAL_ACTION_TYPE
            ? // Its schema is draft-07, with nothing 2020-12 reads differently; it refers to core.json.
              [ajv.compile({ ...legalActionSchema(), $schema: undefined })]
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
        ajv.getSchema(`${BASE}common/bundle.json`)!,
        { ...bundle, objects: bundle.objects.filter((object) => inBundle.has(object.type)) },
        "bundle",
      ),
  };
}

/**
 * `object` with the properties of the project's property extension back at the top level as
 * `x_attribution_graph_<name>`, for assertions that read them.
 */
export function flatExtension(object: StixObject): StixObject {
  const extensions = object.extensions as Record<string, Record<string, unknown>> | undefined;
  const own = extensions?.[PROPERTY_EXTENSION.id];
  if (!own) return object;
  const properties = Object.entries(own).filter(([key]) => key !== "extension_type");
  return {
    ...object,
    ...Object.fromEntries(properties.map(([key, value]) => [`${X}${key}`, value])),
  };
}
