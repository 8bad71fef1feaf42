import { type FieldNode, Kind, type SelectionSetNode } from "graphql";

/**
 * Small pieces of rewriting a subgraph operation's root fields, shared by the writes the gateway
 * sends to several subgraphs (source-fan-out.ts, record-sources.ts).
 */

/** A root field's key in the answer: its alias, else its name. */
export const keyOf = (field: FieldNode) => field.alias?.value ?? field.name.value;

export const named = (name: string, selectionSet?: SelectionSetNode): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  selectionSet,
});

/** `alias: name`, a field the gateway adds to read an answer, taken out of the client's. */
export const probe = (alias: string, name: string, selectionSet?: SelectionSetNode): FieldNode => ({
  ...named(name, selectionSet),
  alias: { kind: Kind.NAME, value: alias },
});

/** `field` with `probes` after what it selects. */
export const withProbes = (field: FieldNode, probes: FieldNode[]): FieldNode => ({
  ...field,
  selectionSet: {
    kind: Kind.SELECTION_SET,
    selections: [...(field.selectionSet?.selections ?? []), ...probes],
  },
});

/** In graphql-js `visit`: a field whose selection set is the operation's. */
export const atRoot = (ancestors: readonly unknown[]) =>
  (ancestors.at(-2) as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION;
