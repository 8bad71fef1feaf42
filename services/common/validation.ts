import { readFileSync } from "node:fs";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { badUserInput } from "./errors";
import { projectPath } from "./paths";

/** schema/bundle.schema.json is the one definition of valid records: imports and mutations alike. */
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(
  JSON.parse(readFileSync(projectPath("schema", "bundle.schema.json"), "utf8")),
  "bundle",
);

const validators = new Map<string, ValidateFunction>();

export type RecordKind =
  | "government"
  | "agency"
  | "official"
  | "threatActor"
  | "incident"
  | "statement"
  | "legalAction"
  | "source";

function validatorFor(kind: RecordKind | "bundle"): ValidateFunction {
  const ref = kind === "bundle" ? "bundle" : `bundle#/$defs/${kind}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`no schema for ${ref}`);
    validators.set(ref, validate);
  }
  return validate;
}

/** `statement.quotes[0].language` from an instance path `/quotes/0/language`. */
export function fieldPath(root: string, error: ErrorObject): string {
  const parts = error.instancePath.split("/").slice(1);
  let path = root;
  for (const part of parts) path += /^\d+$/.test(part) ? `[${part}]` : `.${part}`;
  if (error.keyword === "required") path += `.${String(error.params.missingProperty)}`;
  if (error.keyword === "additionalProperties")
    path += `.${String(error.params.additionalProperty)}`;
  return path;
}

function describe(error: ErrorObject): string {
  if (error.keyword === "required") return "is required";
  if (error.keyword === "additionalProperties") return "is not a known field";
  if (error.keyword === "enum")
    return `must be one of ${(error.params.allowedValues as string[]).join(", ")}`;
  return error.message ?? "is invalid";
}

/** Throws BAD_USER_INPUT naming the first invalid field, e.g. `input.quotes[0].language`. */
export function validateRecord(kind: RecordKind | "bundle", value: unknown, root: string): void {
  const validate = validatorFor(kind);
  if (validate(value)) return;
  const errors = meaningful(validate.errors ?? []);
  // anyOf branches (value or null) report every branch: the most specific error is the deepest.
  const error = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  throw badUserInput(fieldPath(root, error), describe(error));
}

/** All errors of a bundle, for the importer's report. */
export function bundleErrors(value: unknown): string[] {
  const validate = validatorFor("bundle");
  if (validate(value)) return [];
  return [
    ...new Set(
      meaningful(validate.errors ?? []).map((e) => `${fieldPath("$", e)}: ${describe(e)}`),
    ),
  ];
}

/** Drops the noise of `anyOf: [value, null]` branches: "must be null", "must match anyOf". */
function meaningful(errors: ErrorObject[]): ErrorObject[] {
  const kept = errors.filter(
    (e) => e.keyword !== "anyOf" && !(e.keyword === "type" && e.params.type === "null"),
  );
  return kept.length ? kept : errors;
}
