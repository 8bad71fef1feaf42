// A graphql-codegen plugin: the object types without an `id` field (connections, edges, values
// inside a record), which Graphcache must embed in their parent instead of normalising.
import { isObjectType } from "graphql";

const ROOTS = ["Query", "Mutation", "Subscription"];

export function plugin(schema) {
  const names = Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith("__"))
    .filter((type) => !ROOTS.includes(type.name) && !("id" in type.getFields()))
    .map((type) => type.name)
    .sort();
  return [
    "/** Object types without an `id`: Graphcache embeds them in their parent record. */",
    `export const keylessTypes = ${JSON.stringify(names, null, 2)} as const;`,
    "",
  ].join("\n");
}
