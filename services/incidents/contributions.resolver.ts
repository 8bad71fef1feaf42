import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { CountAsked } from "../kit/selection";
import { CONNECTION_SIZE } from "../kit/connection";
import type { Context } from "./context";
import { IncidentConnection } from "./incident";
import { IncidentListArgs } from "./incident.inputs";
import { GovernmentRef } from "./references";
import { ThreatActorConnection } from "./threat-actor";
import { ThreatActorListArgs } from "./threat-actor.inputs";

/** What this subgraph adds to the governments subgraph's `Government`. */
@Resolver(() => GovernmentRef)
export class GovernmentContributions {
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => ThreatActorConnection, {
    nullable: true,
    description: "Threat actors it is said to sponsor, by name by default.",
  })
  sponsoredActors(
    @Root() government: GovernmentRef,
    @Args(() => ThreatActorListArgs) args: ThreatActorListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.actorsSponsoredBy(args, withCount).load(government.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => IncidentConnection, {
    nullable: true,
    description: "Incidents that targeted it, most recent first by default.",
  })
  incidentsTargeting(
    @Root() government: GovernmentRef,
    @Args(() => IncidentListArgs) args: IncidentListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.incidentsTargeting(args, withCount).load(government.id);
  }
}
