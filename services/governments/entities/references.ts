import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Entities owned by the incidents subgraph, known here by key only. */
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

export function incidentRef(id: string): IncidentRef {
  return Object.assign(new IncidentRef(), { id });
}

export function threatActorRef(id: string | null): ThreatActorRef | null {
  return id === null ? null : Object.assign(new ThreatActorRef(), { id });
}
