import { Arg, Ctx, Directive, ID, Query, Resolver } from "type-graphql";
import { listSize } from "../kit/connection";
import { badUserInput, notFound } from "../../platform/errors";
import { loadOrNotFound } from "../kit/loaders";
import { Node, parseGlobalId } from "../kit/node";
import { ref } from "../kit/references";
import type { Context } from "./context";
import { IncidentRef, LegalActionRef, ThreatActorRef } from "./references";

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
    if (ids.length > MAX_NODES)
      throw badUserInput("ids", `must have at most ${MAX_NODES} items, got ${ids.length}`);
    return ids.map((id, i) => resolveNode(id, `ids[${i}]`, ctx).catch((error: unknown) => error));
  }
}

async function resolveNode(globalId: string, field: string, { loaders }: Context): Promise<Node> {
  const { type, id } = parseGlobalId(globalId, field);
  switch (type) {
    case "Government":
      return loadOrNotFound(loaders.governmentById, type, id);
    case "Agency":
      return loadOrNotFound(loaders.agencyById, type, id);
    case "Official":
      return loadOrNotFound(loaders.officialById, type, id);
    case "Statement":
      return loadOrNotFound(loaders.statementById, type, id);
    case "Attribution":
      return loadOrNotFound(loaders.attributionById, type, id);
    case "Incident":
      return ref(IncidentRef, id);
    case "ThreatActor":
      return ref(ThreatActorRef, id);
    case "LegalAction":
      return ref(LegalActionRef, id);
    default:
      throw notFound(type, id);
  }
}
