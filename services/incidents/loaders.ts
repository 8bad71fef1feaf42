import { type DataSource, In } from "typeorm";
import { byIdLoader, groupedLoader } from "../common/loaders";
import { Incident } from "./entities/incident";
import { IncidentActor } from "./entities/incident-actor";
import { ThreatActor } from "./entities/threat-actor";
import { TimelineEvent } from "./entities/timeline-event";
import { occurredSort } from "./incident.ordering";

export type Loaders = ReturnType<typeof createLoaders>;

/** One set per request: every list-valued field and reference costs one query per batch. */
export function createLoaders(db: DataSource) {
  const byId = <T extends { id: string }>(entity: new () => T) => byIdLoader(db, entity);

  return {
    incidentById: byId(Incident),
    threatActorById: byId(ThreatActor),

    /** Suspected-actor links of incidents, in the order the source lists the actors. */
    actorLinksByIncident: groupedLoader(
      (ids) =>
        db.getRepository(IncidentActor).find({
          where: { incidentId: In([...ids]) },
          order: { position: "ASC" },
        }),
      (link) => link.incidentId,
    ),
    /** Incidents an actor is suspected of, most recent first. */
    incidentLinksByActor: groupedLoader(
      (ids) =>
        db
          .getRepository(IncidentActor)
          .createQueryBuilder("ia")
          .innerJoin(Incident, "i", "i.id = ia.incident_id")
          .where("ia.actor_id = ANY(:ids)", { ids })
          .orderBy(occurredSort("i"), "DESC")
          .addOrderBy("i.id", "DESC")
          .getMany(),
      (link) => link.actorId,
    ),
    timelineByIncident: groupedLoader(
      (ids) =>
        db.getRepository(TimelineEvent).find({
          where: { incidentId: In([...ids]) },
          order: { position: "ASC" },
        }),
      (event) => event.incidentId,
    ),
    actorsBySponsorState: groupedLoader(
      (ids) =>
        db.getRepository(ThreatActor).find({
          where: { sponsorStateId: In([...ids]) },
          order: { name: "ASC", id: "ASC" },
        }),
      (actor) => actor.sponsorStateId,
    ),
    incidentsByTargetedCountry: groupedLoader(
      (ids) =>
        db
          .getRepository(Incident)
          .createQueryBuilder("i")
          .where("i.targeted_country_ids && :ids", { ids })
          .orderBy(occurredSort("i"), "DESC")
          .addOrderBy("i.id", "DESC")
          .getMany(),
      (incident) => incident.targetedCountryIds,
    ),
  };
}
