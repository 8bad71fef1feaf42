import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { CountAsked } from "../kit/selection";
import { CONNECTION_SIZE, ConnectionArgs, listSize } from "../kit/connection";
import { loadOrNotFound } from "../kit/loaders";
import { RecordResolver } from "../kit/record-resolver";
import type { Context } from "./context";
import { Incident, IncidentConnection } from "./incident";
import {
  IncidentInput,
  IncidentListArgs,
  MAX_TARGETED_COUNTRIES,
  MAX_TIMELINE_EVENTS,
} from "./incident.inputs";
import { incidentList } from "./incident.queries";
import { incidentWrites } from "./incident.writes";
import { GovernmentConnection, governmentsIn } from "./references";
import { ThreatActorConnection } from "./threat-actor";
import { TimelineEvent } from "./timeline-event";

@Resolver(() => Incident)
class IncidentFields {
  @Query(() => Incident, { nullable: true, description: "An incident by id; NOT_FOUND if none." })
  incident(
    @Arg("id", () => ID, { description: 'Its slug: "microsoft-exchange-2021".' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return loadOrNotFound(ctx.loaders.incidentById, "Incident", id);
  }

  @Directive(CONNECTION_SIZE)
  @Query(() => IncidentConnection, { description: "Incidents, most recent first by default." })
  incidents(
    @Args(() => IncidentListArgs) args: IncidentListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return incidentList.page(ctx, args, withCount);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => GovernmentConnection, {
    description: `Countries (or unions) targeted, in the order of the record (at most ${MAX_TARGETED_COUNTRIES}).`,
  })
  targetedCountries(
    @Root() incident: Incident,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return governmentsIn(ctx, incident.targetedCountryIds, args);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => ThreatActorConnection, {
    description: "Threat actors suspected of the incident, in the order the sources give.",
  })
  suspectedActors(
    @Root() incident: Incident,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.suspectedActorsOf(args, withCount).load(incident.id);
  }

  @Directive(listSize(MAX_TIMELINE_EVENTS))
  @FieldResolver(() => [TimelineEvent], { description: "What happened when, oldest first." })
  timeline(@Root() incident: Incident, @Ctx() ctx: Context) {
    return ctx.loaders.timelineOf.load(incident.id);
  }
}

/** With the record recipe: history, bundleRecord, upsertIncident, deleteIncident. */
export const IncidentResolver = RecordResolver(IncidentFields, {
  input: IncidentInput,
  writes: incidentWrites,
  dbSchema: "incidents",
  description: {
    input: "The incident.",
    upsert:
      "Creates or updates an incident by id, with its suspected actors and timeline (editor key). Every problem of the input is reported at once; re-sending it unchanged answers UNCHANGED.",
    delete:
      "Deletes an incident with its timeline and suspected-actor links (editor key). Other subgraphs' records citing it then answer NOT_FOUND for it.",
  },
});
