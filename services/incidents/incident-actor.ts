import { Column, Entity, PrimaryColumn } from "typeorm";

/** A threat actor suspected of an incident, in the order the source lists them. */
@Entity({ schema: "incidents", name: "incident_actor" })
export class IncidentActor {
  @PrimaryColumn("text")
  incidentId: string;

  @PrimaryColumn("text")
  actorId: string;

  @Column("int")
  position: number;
}
