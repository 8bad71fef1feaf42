import { readFileSync } from "node:fs";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import { parsePartialDate } from "../platform/partial-date";
import { projectPath } from "../platform/paths";

let validator: ValidateFunction | undefined;

/** schema/bundle.schema.json, generated from the write input types, checks bundle files. */
function bundleValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat("partial-date", (value: string) => {
      try {
        parsePartialDate(value, "value");
        return true;
      } catch {
        return false;
      }
    });
    validator = ajv.compile(
      JSON.parse(readFileSync(projectPath("schema", "bundle.schema.json"), "utf8")),
    );
  }
  return validator;
}

/** `$.statements[0].quotes[0].language` from an instance path `/statements/0/quotes/0/language`. */
function fieldPath(error: ErrorObject): string {
  let path = "$";
  for (const part of error.instancePath.split("/").slice(1)) {
    path += /^\d+$/.test(part) ? `[${part}]` : `.${part}`;
  }
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
  if (error.keyword === "format" && error.params.format === "partial-date") {
    return 'must be a calendar date as "YYYY", "YYYY-MM" or "YYYY-MM-DD"';
  }
  return error.message ?? "is invalid";
}

/** Every problem of a bundle by JSON path, for the importer's report. */
export function bundleErrors(value: unknown): string[] {
  const validate = bundleValidator();
  if (validate(value)) return [];
  // `anyOf: [value, null]` branches add "must be null" and "must match a schema in anyOf".
  const errors = (validate.errors ?? []).filter(
    (e) => e.keyword !== "anyOf" && !(e.keyword === "type" && e.params.type === "null"),
  );
  return [...new Set(errors.map((e) => `${fieldPath(e)}: ${describe(e)}`))];
}
