import { Directive, Field, ID, ObjectType } from "type-graphql";
import { connectionType } from "../kit/connection";

/**
 * Entities owned by the governments subgraph, known here by key only: they implement `Node`
 * there, where `node(id:)` is answered.
 */
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

/** The same shareable type as the governments subgraph's, over the key-only stub. */
export const GovernmentConnection = connectionType(GovernmentRef, "Government");
