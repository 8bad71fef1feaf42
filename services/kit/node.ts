import { Directive, Field, ID, InterfaceType, ObjectType } from "type-graphql";
import { Entity } from "typeorm";
import { badUserInput } from "../../platform/errors";

/**
 * Relay's global object identification. The readable slug stays `id` (the federation key and
 * what users type); `globalId` is unique across types, for `node(id:)` and for client caches that
 * key records by one field (Relay: `nodeInterfaceIdField: "globalId"`).
 */
// Not auto-registered: each subgraph lists its own implementations, or building one subgraph's
// schema would pull in every Node type loaded in the process (compose builds all three).
@InterfaceType("Node", {
  autoRegisterImplementations: false,
  description:
    "A record with a global id, unique across types: every entity implements it. Fetch any of them with `node(id:)`.",
})
export abstract class Node {
  @Field(() => ID, {
    description:
      'Global id, unique across types: "Government:us". Give it to `node(id:)`; everywhere else, ids are the readable slugs of `id`.',
  })
  globalId: string;
}

/** A record's entity and GraphQL type: a `Node`, the federation key `id`, in `schema`.`name`. */
export function NodeEntity(options: {
  schema: string;
  name: string;
  description: string;
}): ClassDecorator {
  const { schema, name, description } = options;
  return (target) => {
    Entity({ schema, name })(target);
    ObjectType({ implements: Node, simpleResolvers: true, description })(target);
    Directive('@key(fields: "id")')(target);
  };
}

/** A `Node`'s `globalId` getter: shared, as every subgraph that has the type resolves it. */
export function GlobalIdField(description: string): MethodDecorator & PropertyDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Field(() => ID, { description })(target, key, descriptor as never);
    Directive("@shareable")(target, key, descriptor as never);
  };
}

export function globalId(type: string, id: string): string {
  return `${type}:${id}`;
}

/** `{ type, id }` of a global id; `field` names the argument in errors. */
export function parseGlobalId(globalId: string, field: string): { type: string; id: string } {
  const match = /^([A-Z][A-Za-z]*):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(globalId);
  if (!match || match[2].length > 100) {
    throw badUserInput(
      field,
      `"${globalId.slice(0, 120)}" is not a global id ("Type:slug", e.g. "Government:us")`,
    );
  }
  return { type: match[1], id: match[2] };
}
