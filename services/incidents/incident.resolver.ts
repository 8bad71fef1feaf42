import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { loadAll, loadOrNotFound } from "../common/loaders";
import { PageArgs, connectionType, paginate } from "../common/pagination";
import type { Context } from "./context";
import { Incident } from "./entities/incident";
import { GovernmentRef, ref } from "./entities/references";
import { ThreatActor } from "./entities/threat-actor";
import { TimelineEvent } from "./entities/timeline-event";
import { IncidentFilter, applyIncidentFilter } from "./incident.inputs";
import { IncidentOrder, incidentOrdering } from "./incident.ordering";

export const IncidentConnection = connectionType(Incident, "Incident");

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { nullable: true, description: "An incident by id; NOT_FOUND if none." })
  async incident(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loadOrNotFound(loaders.incidentById, "Incident", id);
  }

  @Query(() => IncidentConnection, { description: "Incidents, most recent first by default." })
  incidents(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db }: Context,
    @Arg("filter", () => IncidentFilter, { nullable: true }) filter?: IncidentFilter,
    @Arg("orderBy", () => IncidentOrder, { nullable: true }) orderBy?: IncidentOrder,
  ) {
    const query = db.getRepository(Incident).createQueryBuilder("i");
    applyIncidentFilter(query, filter ?? {});
    return paginate(IncidentConnection, query, incidentOrdering("i", orderBy), page);
  }

  @FieldResolver(() => [GovernmentRef], { description: "Countries (or unions) targeted." })
  targetedCountries(@Root() incident: Incident) {
    return incident.targetedCountryIds.map((id) => ref(GovernmentRef, id));
  }

  @FieldResolver(() => [ThreatActor], { description: "Actors suspected of the incident." })
  async suspectedActors(@Root() incident: Incident, @Ctx() { loaders }: Context) {
    const links = await loaders.actorLinksByIncident.load(incident.id);
    return loadAll(
      loaders.threatActorById,
      links.map((link) => link.actorId),
    );
  }

  @FieldResolver(() => [TimelineEvent], { description: "What happened when, oldest first." })
  timeline(@Root() incident: Incident, @Ctx() { loaders }: Context) {
    return loaders.timelineByIncident.load(incident.id);
  }
}
