import { readFileSync } from "node:fs";
import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isScalarType,
} from "graphql";

/**
 * schema/field-sizes.json, written by `npm run compose`: the longest value each output field can
 * carry, by schema coordinate ("Statement.text"). A string field takes the maximum length its
 * write input declares (for a list of strings, each item's); a JSON field the size, as JSON, of
 * the largest value the bundle schema allows.
 */
export interface FieldSizes {
  /** Characters (or, for a JSON field, bytes as JSON), by coordinate. */
  fields: Record<string, number>;
}

/**
 * What a leaf without a declared maximum is assumed to carry: safe bounds for what this API
 * computes (cursors, global ids, timestamps, labels), each well above the longest it makes.
 */
export const DEFAULT_LEAF_SIZES = {
  String: 2_000,
  /** Slugs are at most 100 characters; global ids add a type name, pair ids join two slugs. */
  ID: 300,
  JSON: 1_048_576,
  /** Int, Float, Boolean: at most 24 characters as JSON. */
  number: 24,
  PartialDate: 10,
};

export function readFieldSizes(path: string): FieldSizes {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<FieldSizes>;
  if (!parsed.fields || typeof parsed.fields !== "object")
    throw new Error(`${path}: no "fields" map (run \`npm run compose\`)`);
  return { fields: parsed.fields };
}

/** The longest value (one item of a list) `field` of `parent` may carry, as JSON. */
export function leafSize(
  sizes: FieldSizes,
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
): number {
  const declared =
    sizes.fields[`${parent.name}.${field.name}`] ??
    parent
      .getInterfaces()
      .map((i) => sizes.fields[`${i.name}.${field.name}`])
      .find((size) => size !== undefined);
  const type = getNamedType(field.type);
  // Quotes around a string; a JSON value is declared as JSON already.
  if (declared !== undefined) return type.name.startsWith("JSON") ? declared : declared + 2;
  if (isEnumType(type)) return Math.max(...type.getValues().map((v) => v.name.length)) + 2;
  if (!isScalarType(type)) return DEFAULT_LEAF_SIZES.String;
  switch (type.name) {
    case "Int":
    case "Float":
    case "Boolean":
      return DEFAULT_LEAF_SIZES.number;
    case "ID":
      return DEFAULT_LEAF_SIZES.ID + 2;
    case "PartialDate":
      return DEFAULT_LEAF_SIZES.PartialDate + 2;
    default:
      return type.name.startsWith("JSON") ? DEFAULT_LEAF_SIZES.JSON : DEFAULT_LEAF_SIZES.String + 2;
  }
}
