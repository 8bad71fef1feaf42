import { type DataSource, In, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { historyPages } from "../kit/audit";
import type { ResponseBudget } from "../kit/budget";
import type { ConnectionArgs, ConnectionClass } from "../kit/connection";
import { byIdLoader, groupedLoader, perArguments } from "../kit/loaders";
import {
  type NestedList,
  type Ordering,
  arrayConnection,
  arrayWindow,
  nestedConnection,
  paginate,
  pageWindow,
} from "../kit/pagination";
import { snapshotLoader } from "../kit/records";
import { ref } from "../kit/references";
import { Incident, IncidentConnection } from "./incident";
import { IncidentActor } from "./incident-actor";
import { type IncidentListArgs, applyIncidentFilter, incidentOrdering } from "./incident.inputs";
import { incidentWrites } from "./incident.writes";
import { GovernmentConnection, GovernmentRef } from "./references";
import { ThreatActor, ThreatActorConnection } from "./threat-actor";
import {
  type ThreatActorListArgs,
  applyThreatActorFilter,
  threatActorOrdering,
} from "./threat-actor.inputs";
import { threatActorWrites } from "./threat-actor.writes";
import { TimelineEvent } from "./timeline-event";

export type Loaders = ReturnType<typeof createLoaders>;

/** In the order the record lists them (`incident_actor.position`). */
const LISTED: Ordering = { name: "POSITION", keys: [{ sql: "sa.position", direction: "ASC" }] };

/** One set per request: every list and reference costs one batch of statements, not one per row. */
export function createLoaders(db: DataSource, budget: ResponseBudget) {
  const byId = {
    incident: byIdLoader(db, Incident),
    threatActor: byIdLoader(db, ThreatActor),
  };

  const incidents = (filter: IncidentListArgs["filter"]) => ({
    query: () =>
      withFilter(db.getRepository(Incident).createQueryBuilder("i"), applyIncidentFilter, filter),
    id: "i.id",
    fetch: (ids: string[]) => byId.incident.loadMany(ids),
  });
  const threatActors = (filter: ThreatActorListArgs["filter"]) => ({
    query: () =>
      withFilter(
        db.getRepository(ThreatActor).createQueryBuilder("a"),
        applyThreatActorFilter,
        filter,
      ),
    id: "a.id",
    fetch: (ids: string[]) => byId.threatActor.loadMany(ids),
  });

  /** The page `args` asks for of a nested list, for every parent key of the request at once. */
  const nested = <T, A extends ConnectionArgs>(
    connection: ConnectionClass<T>,
    list: (args: A) => NestedList<T>,
    ordering: (args: A) => Ordering,
  ) =>
    perArguments((args: A) =>
      nestedConnection(db, connection, list(args), pageWindow(args, ordering(args)), budget),
    );

  const incidentsWhere = (parent: (key: string) => string) =>
    nested(
      IncidentConnection,
      (args: IncidentListArgs) => ({ ...incidents(args.filter), parent }),
      (args) => incidentOrdering(args.orderBy),
    );

  return {
    incidentById: byId.incident,
    threatActorById: byId.threatActor,

    incidents: (args: IncidentListArgs) =>
      paginate(
        IncidentConnection,
        incidents(args.filter).query(),
        pageWindow(args, incidentOrdering(args.orderBy)),
        budget,
      ),
    threatActors: (args: ThreatActorListArgs) =>
      paginate(
        ThreatActorConnection,
        threatActors(args.filter).query(),
        pageWindow(args, threatActorOrdering(args.orderBy, args.filter)),
        budget,
      ),

    incidentsOfActor: incidentsWhere(
      (key) =>
        `EXISTS (SELECT 1 FROM incidents.incident_actor ia WHERE ia.incident_id = i.id AND ia.actor_id = ${key})`,
    ),
    incidentsTargeting: incidentsWhere(
      // `@>`: only the containment operator can use the GIN index on the array.
      (key) => `i.targeted_country_ids @> ARRAY[${key}]`,
    ),
    actorsSponsoredBy: nested(
      ThreatActorConnection,
      (args: ThreatActorListArgs) => ({
        ...threatActors(args.filter),
        parent: (key) => `a.sponsor_state_id = ${key}`,
      }),
      (args) => threatActorOrdering(args.orderBy, args.filter),
    ),
    suspectedActorsOf: nested(
      ThreatActorConnection,
      () => ({
        ...threatActors(undefined),
        query: () =>
          db
            .getRepository(ThreatActor)
            .createQueryBuilder("a")
            .innerJoin(IncidentActor, "sa", "sa.actor_id = a.id"),
        parent: (key) => `sa.incident_id = ${key}`,
      }),
      () => LISTED,
    ),

    /** The countries an incident targets, paged in memory (stubs the gateway resolves). */
    governmentsIn: (ids: string[], args: ConnectionArgs) =>
      arrayConnection(
        GovernmentConnection,
        ids.map((id) => ref(GovernmentRef, id)),
        arrayWindow(args),
        budget,
      ),

    timelineOf: groupedLoader(
      (ids) =>
        db.getRepository(TimelineEvent).find({
          where: { incidentId: In([...ids]) },
          order: { position: "ASC" },
        }),
      (event) => event.incidentId,
    ),

    history: historyPages(db, "incidents", budget),
    snapshots: {
      Incident: snapshotLoader(db, incidentWrites),
      ThreatActor: snapshotLoader(db, threatActorWrites),
    },
  };
}

function withFilter<F>(
  query: SelectQueryBuilder<ObjectLiteral>,
  apply: (query: SelectQueryBuilder<ObjectLiteral>, filter: F) => void,
  filter: F | undefined,
) {
  if (filter) apply(query, filter);
  return query;
}
