import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { CountAsked, type WithCount } from "../kit/selection";
import { CONNECTION_SIZE, ConnectionArgs, listSize } from "../kit/connection";
import { RecordResolver } from "../kit/record-resolver";
import type { Context } from "./context";
import { Incident } from "./incident";
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
    @CountAsked() withCount: WithCount,
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
  args: IncidentListArgs,
  list: incidentList,
  byId: (ctx: Context) => ctx.loaders.incidentById,
  description: {
    input: "The incident.",
    byId: 'Its slug: "microsoft-exchange-2021".',
    list: "Incidents, most recent first by default.",
    upsert:
      "Creates or updates an incident by id, with its suspected actors and timeline (editor key). Every problem of the input is reported at once; re-sending it unchanged answers UNCHANGED.",
    delete:
      "Deletes an incident with its timeline and suspected-actor links (editor key). Other subgraphs' records citing it then answer NOT_FOUND for it.",
  },
});
