import { Directive, Field, ID, ObjectType } from "type-graphql";
import { connectionType } from "../kit/connection";
import type { RequiredDate } from "../analytics/delays";
import { Node, globalId } from "../kit/node";
import { DateWithPrecision } from "../kit/date-with-precision";
import { KeyStub } from "../kit/references";
import type { Context } from "./context";

/**
 * Entities owned by the other subgraphs, known here by key only. They implement `Node` here
 * because `node(id:)` is answered by this subgraph for every type.
 */
@Directive('@key(fields: "id")')
@ObjectType("Incident", { implements: Node, simpleResolvers: true })
export class IncidentRef implements Node {
  @Field(() => ID)
  id: string;

  /** Resolved by the incidents subgraph: here only for `@requires` (analytics.resolver.ts). */
  @Directive("@external")
  @Field(() => DateWithPrecision, { nullable: true })
  firstObserved?: RequiredDate | null;

  @Directive("@external")
  @Field(() => DateWithPrecision, { nullable: true })
  disclosed?: RequiredDate | null;

  @Directive("@shareable")
  @Field(() => ID)
  get globalId(): string {
    return globalId("Incident", this.id);
  }
}

export const ThreatActorRef = KeyStub("ThreatActor", { node: true });
export type ThreatActorRef = InstanceType<typeof ThreatActorRef>;

export const LegalActionRef = KeyStub("LegalAction", { resolvable: false, node: true });
export type LegalActionRef = InstanceType<typeof LegalActionRef>;

export const PersonRef = KeyStub("Person", { resolvable: false, node: true });
export type PersonRef = InstanceType<typeof PersonRef>;

export const IncidentConnection = connectionType(IncidentRef, "Incident");

/** The entity types this subgraph owns, each read by id through the request's loaders. */
export const OWN_ENTITIES = {
  Government: (c: Context) => c.loaders.governmentById,
  Agency: (c: Context) => c.loaders.agencyById,
  Official: (c: Context) => c.loaders.officialById,
  Statement: (c: Context) => c.loaders.statementById,
  Attribution: (c: Context) => c.loaders.attributionById,
};
