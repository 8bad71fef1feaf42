import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { CountAsked } from "../kit/selection";
import { CONNECTION_SIZE } from "../kit/connection";
import { AttributionConnection } from "./attribution";
import { AttributionListArgs } from "./attribution.inputs";
import type { Context } from "./context";
import { IncidentRef, ThreatActorRef } from "./references";
import { StatementConnection } from "./statement";
import { StatementListArgs } from "./statement.inputs";

/** What this subgraph adds to the incidents subgraph's `Incident`. */
@Resolver(() => IncidentRef)
export class IncidentContributions {
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AttributionConnection, {
    nullable: true,
    description: "Who blamed whom for this incident, newest first.",
  })
  attributions(
    @Root() incident: IncidentRef,
    @Args(() => AttributionListArgs) args: AttributionListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.attributionsOfIncident(args, withCount).load(incident.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => StatementConnection, {
    nullable: true,
    description: "Statements attributing this incident, newest first.",
  })
  statements(
    @Root() incident: IncidentRef,
    @Args(() => StatementListArgs) args: StatementListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.statementsOfIncident(args, withCount).load(incident.id);
  }
}

/** What this subgraph adds to the incidents subgraph's `ThreatActor`. */
@Resolver(() => ThreatActorRef)
export class ThreatActorContributions {
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AttributionConnection, {
    nullable: true,
    description: "Attributions naming this actor, newest first.",
  })
  attributions(
    @Root() actor: ThreatActorRef,
    @Args(() => AttributionListArgs) args: AttributionListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.attributionsOfActor(args, withCount).load(actor.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => StatementConnection, {
    nullable: true,
    description: "Statements naming this actor, newest first.",
  })
  statements(
    @Root() actor: ThreatActorRef,
    @Args(() => StatementListArgs) args: StatementListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.statementsOfActor(args, withCount).load(actor.id);
  }
}
