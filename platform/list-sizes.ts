import { printSubgraphSchema } from "@apollo/subgraph";
import {
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  parse,
  valueFromASTUntyped,
} from "graphql";

/** A field's `@listSize` (IBM cost spec, Apollo demand control). */
export interface ListSize {
  assumedSize?: number;
  slicingArguments: readonly string[];
  sizedFields: readonly string[];
}

/** `@listSize` by schema coordinate: "Government.statements". */
export type ListSizes = ReadonlyMap<string, ListSize>;

/**
 * A subgraph's own `@listSize`, from its SDL; `_entities` is sized by the representations it
 * is given, one entity each.
 */
export function listSizesFromSubgraph(schema: GraphQLSchema): Map<string, ListSize> {
  return listSizesFromSupergraph(printSubgraphSchema(schema)).set("Query._entities", {
    slicingArguments: ["representations"],
    sizedFields: [],
  });
}

/**
 * Reads `@listSize` from a supergraph, under the name its `@link` to the cost spec gives it
 * (from a subgraph's SDL, which imports it through the federation `@link`: `@listSize`).
 */
export function listSizesFromSupergraph(supergraphSdl: string): Map<string, ListSize> {
  const document = parse(supergraphSdl, { noLocation: true });
  const name = listSizeDirectiveName(document);
  const sizes = new Map<string, ListSize>();
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    )
      continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === name);
      if (!directive) continue;
      const args = directiveArguments(directive);
      sizes.set(`${definition.name.value}.${field.name.value}`, {
        assumedSize: typeof args.assumedSize === "number" ? args.assumedSize : undefined,
        slicingArguments: strings(args.slicingArguments),
        sizedFields: strings(args.sizedFields),
      });
    }
  }
  return sizes;
}

function listSizeDirectiveName(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION)
      continue;
    for (const directive of definition.directives ?? []) {
      const link = directiveArguments(directive);
      if (directive.name.value !== "link" || typeof link.url !== "string") continue;
      if (!link.url.startsWith("https://specs.apollo.dev/cost/")) continue;
      for (const imported of Array.isArray(link.import) ? link.import : []) {
        if (imported === "@listSize") return "listSize";
        const { name, as } = (imported ?? {}) as { name?: string; as?: string };
        if (name === "@listSize") return (as ?? name).replace(/^@/, "");
      }
      return `${typeof link.as === "string" ? link.as : "cost"}__listSize`;
    }
  }
  return "listSize";
}

const directiveArguments = (directive: ConstDirectiveNode): Record<string, unknown> =>
  Object.fromEntries(
    (directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]),
  );

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
