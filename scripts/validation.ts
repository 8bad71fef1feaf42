import { readFileSync } from "node:fs";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import { parsePartialDate } from "../platform/partial-date";
import { projectPath } from "../platform/paths";
import type { BundleKey } from "../platform/bundle";

let ajv: Ajv2020 | undefined;
let schemaId = "";
const validators = new Map<string, ValidateFunction>();

/** schema/bundle.schema.json, generated from the write input types, checks bundle files. */
function bundleAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat("partial-date", (value: string) => {
      try {
        parsePartialDate(value, "value");
        return true;
      } catch {
        return false;
      }
    });
    const schema = JSON.parse(readFileSync(projectPath("schema", "bundle.schema.json"), "utf8"));
    schemaId = schema.$id as string;
    ajv.addSchema(schema);
  }
  return ajv;
}

/** The validator of the whole bundle, or of one part of it by JSON pointer (`/properties/format`). */
function bundleValidator(pointer = ""): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    const ajv = bundleAjv();
    validate = pointer ? ajv.compile({ $ref: `${schemaId}#${pointer}` }) : ajv.getSchema(schemaId)!;
    validators.set(pointer, validate);
  }
  return validate;
}

/** `$.statements[0].quotes[0].language` from an instance path `/statements/0/quotes/0/language`. */
function fieldPath(error: ErrorObject, at: string): string {
  let path = at;
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
  return errorsOf(bundleValidator(), value, "$");
}

/** The problems of one top-level field (`format`, `sources`) of a bundle read as a stream. */
export function fieldErrors(key: "format" | "sources", value: unknown): string[] {
  return errorsOf(bundleValidator(`/properties/${key}`), value, `$.${key}`);
}

/** The problems of one record of a bundle read as a stream, by its path (`$.statements[3]`). */
export function recordErrors(key: BundleKey, index: number, value: unknown): string[] {
  const items = bundleValidator(`/properties/${key}/anyOf/0/items`);
  return errorsOf(items, value, `$.${key}[${index}]`);
}

function errorsOf(validate: ValidateFunction, value: unknown, at: string): string[] {
  if (validate(value)) return [];
  // `anyOf: [value, null]` branches add "must be null" and "must match a schema in anyOf".
  const errors = (validate.errors ?? []).filter(
    (e) => e.keyword !== "anyOf" && !(e.keyword === "type" && e.params.type === "null"),
  );
  return [...new Set(errors.map((e) => `${fieldPath(e, at)}: ${describe(e)}`))];
}
