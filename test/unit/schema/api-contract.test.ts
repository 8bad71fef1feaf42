import { readFileSync } from "node:fs";
import {
  type GraphQLField,
  type GraphQLNamedType,
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { listSizesFromSupergraph } from "../../../platform/list-sizes";
import { projectPath } from "../../../platform/paths";

const api = buildSchema(readFileSync(projectPath("schema", "api.graphql"), "utf8"));
const sizes = listSizesFromSupergraph(
  readFileSync(projectPath("schema", "supergraph.graphql"), "utf8"),
);
const BUILT_IN = new Set(["String", "Int", "Float", "Boolean", "ID"]);
const types = Object.values(api.getTypeMap()).filter(
  (type) => !type.name.startsWith("__") && !BUILT_IN.has(type.name),
);

function fieldsOf(type: GraphQLNamedType): [string, GraphQLField<unknown, unknown>][] {
  return isObjectType(type) || isInterfaceType(type)
    ? Object.values(type.getFields()).map((field) => [`${type.name}.${field.name}`, field])
    : [];
}

const isConnection = (field: GraphQLField<unknown, unknown>) =>
  getNamedType(field.type).name.endsWith("Connection");

// What front ends build on: everything is documented, every list is bounded by construction.
describe("schema > the client contract", () => {
  it("describes every type, field, argument, input field and enum value", () => {
    const missing: string[] = [];
    for (const type of types) {
      if (!type.description) missing.push(type.name);
      for (const [name, field] of fieldsOf(type)) {
        if (!field.description) missing.push(name);
        for (const arg of field.args) if (!arg.description) missing.push(`${name}(${arg.name})`);
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) missing.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("makes every list of records a connection, and gives every other list a maximum", () => {
    const unbounded: string[] = [];
    for (const type of types.filter((t) => !t.name.endsWith("Connection"))) {
      for (const [name, field] of fieldsOf(type)) {
        if (!isListType(getNullableType(field.type))) continue;
        const item = getNamedType(field.type);
        const isRecord = isObjectType(item) && item.getInterfaces().some((i) => i.name === "Node");
        if (isRecord && name !== "Query.nodes") unbounded.push(`${name}: a list of records`);
        else if (!sizes.get(name)?.assumedSize) unbounded.push(`${name}: no @listSize`);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it("gives every connection first, after, last and before, and a @listSize the cost reads", () => {
    const wrong: string[] = [];
    for (const type of types) {
      for (const [name, field] of fieldsOf(type).filter(([, f]) => isConnection(f))) {
        const args = field.args.map((a) => a.name);
        for (const arg of ["first", "after", "last", "before"]) {
          if (!args.includes(arg)) wrong.push(`${name} lacks ${arg}`);
        }
        const size = sizes.get(name);
        if (!size?.sizedFields?.includes("nodes") || !size.slicingArguments?.includes("last")) {
          wrong.push(`${name} lacks its @listSize`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("implements Node on every record type, with a global id", () => {
    const node = api.getType("Node");
    expect(node && isInterfaceType(node)).toBe(true);
    const records = types.filter(
      (type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node"),
    );
    expect(records.map((type) => type.name).sort()).toEqual([
      "Agency",
      "Attribution",
      "Government",
      "Incident",
      "LegalAction",
      "Official",
      "Person",
      "Statement",
      "ThreatActor",
    ]);
    expect(api.getQueryType()?.getFields().node.type.toString()).toBe("Node");
    expect(api.getQueryType()?.getFields().nodes.type.toString()).toBe("[Node]!");
  });

  it("takes typed inputs in every write: no JSON scalar in an argument", () => {
    const json: string[] = [];
    for (const [name, field] of fieldsOf(api.getMutationType()!)) {
      for (const arg of field.args) {
        if (getNamedType(arg.type).name === "JSONObject") json.push(`${name}(${arg.name})`);
      }
    }
    expect(json).toEqual([]);
  });
});
