import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, childrenLoader } from "../kit/loaders";
import { Incident } from "./incident";
import { incidentList } from "./incident.queries";
import { TimelineEvent } from "./timeline-event";

/** Incidents by id, their timelines, and the incidents of each actor or country, batched. */
export function incidentLoaders(db: DataSource, budget: ResponseBudget) {
  const incidentById = byIdLoader(db, budget, Incident);
  return {
    incidentById,
    timelineOf: childrenLoader(db, budget, TimelineEvent, "incidentId"),
    incidentsOfActor: incidentList.nested(
      db,
      budget,
      incidentById,
      (key) =>
        `EXISTS (SELECT 1 FROM incidents.incident_actor ia WHERE ia.incident_id = i.id AND ia.actor_id = ${key})`,
    ),
    // `@>`: only the containment operator can use the GIN index on the array.
    incidentsTargeting: incidentList.nested(
      db,
      budget,
      incidentById,
      (key) => `i.targeted_country_ids @> ARRAY[${key}]`,
    ),
  };
}
