import type { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import {
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  getArgumentValues,
} from "graphql";
import { MAX_UNRESOLVED_CLAIMS } from "../platform/identity";
import {
  type RecordReference,
  type ReferencedType,
  UPSERT_KINDS,
  crossSourceReferences,
  listOf,
} from "../platform/references";
import type { GatewayContext } from "./auth";

/** Ids one `filter: { ids }` takes, and root lists one check operation asks. */
const IDS_PER_LIST = 100;
const LISTS_PER_OPERATION = 8;

/**
 * The references a mutation's `upsert<Type>(input:)` fields make into other sources: a subgraph
 * reads only its own tables, so only the gateway can tell whether they resolve.
 */
export function writeReferences(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  fragments: Record<string, FragmentDefinitionNode> = {},
): RecordReference[] {
  const fields = schema.getMutationType()?.getFields() ?? {};
  return operation.selectionSet.selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD) return [];
    const kind = UPSERT_KINDS[selection.name.value];
    const definition = fields[selection.name.value];
    // Nobody asked for the warnings (a connector reading `action` alone): nothing to look up.
    if (!kind || !definition || !selects(selection.selectionSet, "warnings", fragments)) return [];
    try {
      const { input } = getArgumentValues(definition, selection, variables);
      return input && typeof input === "object" ? crossSourceReferences(kind, input) : [];
    } catch {
      return []; // a value GraphQL refuses: the operation fails before it is sent anyway
    }
  });
}

/** Whether `selectionSet` asks for `field`, directly or through fragments. */
function selects(
  selectionSet: SelectionSetNode | undefined,
  field: string,
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === field;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      return selects(selection.selectionSet, field, fragments);
    }
    return selects(fragments[selection.name.value]?.selectionSet, field, fragments);
  });
}

type Execute = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

/** Which of `references` name no record: "Incident:x", one operation per 8 lists of 100 ids. */
export async function unresolvedOf(
  references: RecordReference[],
  execute: Execute,
): Promise<string[]> {
  const byType = new Map<ReferencedType, Set<string>>();
  for (const { type, id } of references) {
    if (!byType.has(type)) byType.set(type, new Set());
    byType.get(type)!.add(id);
  }
  const lists = [...byType].flatMap(([type, ids]) => {
    const all = [...ids];
    const chunks = [];
    for (let i = 0; i < all.length; i += IDS_PER_LIST) {
      chunks.push({ type, ids: all.slice(i, i + IDS_PER_LIST) });
    }
    return chunks;
  });
  const missing: string[] = [];
  for (let i = 0; i < lists.length; i += LISTS_PER_OPERATION) {
    const part = lists.slice(i, i + LISTS_PER_OPERATION);
    const query = `query UnresolvedReferences(${part.map((_, j) => `$i${j}: [ID!]`).join(", ")}) {
      ${part.map(({ type, ids }, j) => `l${j}: ${listOf(type)}(first: ${ids.length}, filter: { ids: $i${j} }) { nodes { id } }`).join("\n")} }`;
    const data = (await execute(
      query,
      Object.fromEntries(part.map(({ ids }, j) => [`i${j}`, ids])),
    )) as Record<string, { nodes: { id: string }[] }>;
    part.forEach(({ type, ids }, j) => {
      const found = new Set(data[`l${j}`].nodes.map((node) => node.id));
      for (const id of ids) if (!found.has(id)) missing.push(`${type}:${id}`);
    });
  }
  return missing.slice(0, MAX_UNRESOLVED_CLAIMS);
}

/**
 * Before a mutation is planned: the records its writes name in other sources that the graph does
 * not hold, read as the caller through this gateway, travel signed with the write
 * (`unresolved`), and the subgraph answers them as payload warnings. A check that fails
 * (a source down) leaves the write unwarned, never refused: writes across sources are
 * order-free.
 */
export function unresolvedReferencesPlugin(
  server: () => ApolloServer<GatewayContext>,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema, request, contextValue, document }) {
          // A reader's mutation is refused (writeAccessPlugin): nothing to check for it.
          if (operation?.operation !== "mutation" || contextValue.identity.role === "reader")
            return;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) =>
              d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [],
            ),
          );
          const variables = request.variables ?? {};
          const references = writeReferences(schema, operation, variables, fragments);
          if (!references.length) return;
          const execute: Execute = async (query, variables) => {
            const response = await server().executeOperation(
              { query, variables },
              { contextValue: { ...contextValue } },
            );
            if (response.body.kind !== "single" || response.body.singleResult.errors?.length) {
              throw new Error("the reference check failed");
            }
            return response.body.singleResult.data;
          };
          contextValue.unresolved = await unresolvedOf(references, execute).catch(() => []);
        },
      };
    },
  };
}
