import { Directive, Field, ID, ObjectType } from "type-graphql";
import { connectionType } from "../common/connection";

/** Entities owned by the other subgraphs, known here by key only. */
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

@Directive('@key(fields: "id")')
@ObjectType("Incident", { simpleResolvers: true })
export class IncidentRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType("ThreatActor", { simpleResolvers: true })
export class ThreatActorRef {
  @Field(() => ID)
  id: string;
}

export const IncidentConnection = connectionType(IncidentRef, "Incident");
export const ThreatActorConnection = connectionType(ThreatActorRef, "ThreatActor");
