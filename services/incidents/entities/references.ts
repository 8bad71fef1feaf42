import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Entities owned by the governments subgraph, known here by key only. */
@Directive('@key(fields: "id")')
@ObjectType("Government", { simpleResolvers: true })
export class GovernmentRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("Agency", { simpleResolvers: true })
export class AgencyRef {
  @Field(() => ID)
  id: string;
}

/** A reference to another subgraph's entity, or null for a missing id. */
export function ref<T extends { id: string }>(type: new () => T, id: string): T;
export function ref<T extends { id: string }>(type: new () => T, id: string | null): T | null;
export function ref<T extends { id: string }>(type: new () => T, id: string | null): T | null {
  return id === null ? null : Object.assign(new type(), { id });
}
