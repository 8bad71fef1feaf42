import { GraphQLJSONObject } from "graphql-scalars";
import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { AuditEntryConnection } from "../kit/audit";
import { CONNECTION_SIZE, ConnectionArgs, listSize } from "../kit/connection";
import { SourceInput } from "../kit/inputs";
import { loadOrNotFound } from "../kit/loaders";
import { DeletePayload, remove, requireEditor, upsert, upsertPayload } from "../kit/write-path";
import type { Context } from "./context";
import { Incident, IncidentConnection } from "./incident";
import {
  IncidentInput,
  IncidentListArgs,
  MAX_TARGETED_COUNTRIES,
  MAX_TIMELINE_EVENTS,
} from "./incident.inputs";
import { incidentWrites } from "./incident.writes";
import { GovernmentConnection } from "./references";
import { ThreatActorConnection } from "./threat-actor";
import { TimelineEvent } from "./timeline-event";

const UpsertIncidentPayload = upsertPayload(Incident, "Incident", "incident");

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { nullable: true, description: "An incident by id; NOT_FOUND if none." })
  incident(
    @Arg("id", () => ID, { description: 'Its slug: "microsoft-exchange-2021".' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return loadOrNotFound(ctx.loaders.incidentById, "Incident", id);
  }

  @Directive(CONNECTION_SIZE)
  @Query(() => IncidentConnection, { description: "Incidents, most recent first by default." })
  incidents(@Args(() => IncidentListArgs) args: IncidentListArgs, @Ctx() ctx: Context) {
    return ctx.loaders.incidents(args);
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
    return ctx.loaders.governmentsIn(incident.targetedCountryIds, args);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => ThreatActorConnection, {
    description: "Threat actors suspected of the incident, in the order the sources give.",
  })
  suspectedActors(
    @Root() incident: Incident,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.suspectedActorsOf(args).load(incident.id);
  }

  @Directive(listSize(MAX_TIMELINE_EVENTS))
  @FieldResolver(() => [TimelineEvent], { description: "What happened when, oldest first." })
  timeline(@Root() incident: Incident, @Ctx() ctx: Context) {
    return ctx.loaders.timelineOf.load(incident.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AuditEntryConnection, {
    description: "Every write to this record, oldest first (editor key).",
  })
  history(
    @Root() incident: Incident,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    requireEditor(ctx.identity, "reading history");
    return ctx.loaders.history("Incident", args).load(incident.id);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      "This record in the bundle format, with the sources it cites (what export writes).",
  })
  bundleRecord(@Root() incident: Incident, @Ctx() ctx: Context) {
    return ctx.loaders.snapshots.Incident.load(incident.id);
  }

  @Mutation(() => UpsertIncidentPayload, {
    description:
      "Creates or updates an incident by id, with its suspected actors and timeline (editor key). Every problem of the input is reported at once; re-sending it unchanged answers UNCHANGED.",
  })
  async upsertIncident(
    @Arg("input", () => IncidentInput, { validate: false, description: "The incident." })
    input: IncidentInput,
    @Arg("sources", () => [SourceInput], {
      nullable: true,
      validate: false,
      description: "The sources it cites.",
    })
    sources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(
      new UpsertIncidentPayload(),
      await upsert(ctx, "incidents", incidentWrites, input, sources),
    );
  }

  @Mutation(() => DeletePayload, {
    description:
      "Deletes an incident with its timeline and suspected-actor links (editor key). Other subgraphs' records citing it then answer NOT_FOUND for it.",
  })
  deleteIncident(
    @Arg("id", () => ID, { description: "Its slug." }) id: string,
    @Ctx() ctx: Context,
  ) {
    return remove(ctx, "incidents", incidentWrites, id);
  }
}
