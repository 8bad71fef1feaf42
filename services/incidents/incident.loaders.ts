import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, childrenLoader, nestedLoader } from "../kit/loaders";
import { Incident, IncidentConnection } from "./incident";
import type { IncidentListArgs } from "./incident.inputs";
import { incidentOrdering, incidentQuery } from "./incident.queries";
import { TimelineEvent } from "./timeline-event";

/** Incidents by id, their timelines, and the incidents of each actor or country, batched. */
export function incidentLoaders(db: DataSource, budget: ResponseBudget) {
  const incidentById = byIdLoader(db, Incident);
  const incidentsWhere = (parent: (key: string) => string) =>
    nestedLoader(
      db,
      budget,
      IncidentConnection,
      (args: IncidentListArgs) => ({
        query: () => incidentQuery(db, args.filter),
        parent,
        id: "i.id",
        fetch: (ids) => incidentById.loadMany(ids),
      }),
      (args) => incidentOrdering(args.orderBy),
    );
  return {
    incidentById,
    timelineOf: childrenLoader(db, TimelineEvent, "incidentId"),
    incidentsOfActor: incidentsWhere(
      (key) =>
        `EXISTS (SELECT 1 FROM incidents.incident_actor ia WHERE ia.incident_id = i.id AND ia.actor_id = ${key})`,
    ),
    incidentsTargeting: incidentsWhere(
      // `@>`: only the containment operator can use the GIN index on the array.
      (key) => `i.targeted_country_ids @> ARRAY[${key}]`,
    ),
  };
}
