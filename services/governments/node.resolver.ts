import type DataLoader from "dataloader";
import { Arg, Ctx, Directive, ID, Query, Resolver } from "type-graphql";
import { listSize } from "../kit/connection";
import { badUserInput, notFound } from "../../platform/errors";
import { loadOrNotFound } from "../kit/loaders";
import { Node, parseGlobalId } from "../kit/node";
import { ref } from "../kit/references";
import type { Context } from "./context";
import { IncidentRef, LegalActionRef, OWN_ENTITIES, PersonRef, ThreatActorRef } from "./references";

export const MAX_NODES = 100;

/**
 * `node(id:)` for every type of the graph, answered here: this subgraph reads its own types and
 * hands the others on by key, so the gateway fetches them from the subgraph that owns them
 * (an unknown id there is NOT_FOUND as soon as one of its fields is selected).
 */
@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any record by its global id (`globalId`, e.g. "Government:us"); NOT_FOUND if none.',
  })
  node(
    @Arg("id", () => ID, { description: "The record's `globalId`." }) id: string,
    @Ctx() ctx: Context,
  ) {
    return resolveNode(id, "id", ctx);
  }

  @Directive(listSize(MAX_NODES))
  @Query(() => [Node], {
    nullable: "items",
    description: `Records by global id, in the order asked; null (with a NOT_FOUND error) for a missing one. At most ${MAX_NODES}.`,
  })
  nodes(
    @Arg("ids", () => [ID], { description: "The records' `globalId`s." }) ids: string[],
    @Ctx() ctx: Context,
  ) {
    return resolveNodes(ids, ctx);
  }
}

/** Entities of the other subgraphs, handed on by key. */
const FOREIGN_ENTITIES: Record<string, new () => Node & { id: string }> = {
  Incident: IncidentRef,
  ThreatActor: ThreatActorRef,
  LegalAction: LegalActionRef,
  Person: PersonRef,
};

async function resolveNode(globalId: string, field: string, ctx: Context): Promise<Node> {
  const { type, id } = parseGlobalId(globalId, field);
  if (Object.hasOwn(OWN_ENTITIES, type)) {
    const byId = OWN_ENTITIES[type as keyof typeof OWN_ENTITIES](ctx);
    return loadOrNotFound(byId as DataLoader<string, Node | null>, type, id);
  }
  if (Object.hasOwn(FOREIGN_ENTITIES, type)) return ref(FOREIGN_ENTITIES[type], id);
  throw notFound(type, id);
}

/** `nodes(ids:)`: each in the order asked, a missing one as its error. */
function resolveNodes(ids: string[], ctx: Context) {
  if (ids.length > MAX_NODES) {
    throw badUserInput("ids", `must have at most ${MAX_NODES} items, got ${ids.length}`);
  }
  return ids.map((id, i) => resolveNode(id, `ids[${i}]`, ctx).catch((error: unknown) => error));
}
