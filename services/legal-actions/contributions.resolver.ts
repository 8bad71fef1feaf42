import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { CountAsked } from "../kit/selection";
import { CONNECTION_SIZE, ConnectionArgs } from "../kit/connection";
import type { Context } from "./context";
import { DefendantConnection } from "./defendant";
import { LegalActionConnection } from "./legal-action";
import { LegalActionListArgs } from "./legal-action.inputs";
import { PersonConnection } from "./person";
import { PersonListArgs } from "./person.inputs";
import { GovernmentRef, IncidentRef, ThreatActorRef } from "./references";

/** What this subgraph adds to the governments subgraph's `Government`. */
@Resolver(() => GovernmentRef)
export class GovernmentContributions {
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => LegalActionConnection, {
    nullable: true,
    description: "Legal actions it brought, newest first.",
  })
  legalActionsBrought(
    @Root() government: GovernmentRef,
    @Args(() => LegalActionListArgs) args: LegalActionListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.legalActionsBrought(args, withCount).load(government.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => DefendantConnection, {
    nullable: true,
    description:
      "Its nationals charged, arrested or sanctioned, by anyone: by the date of the action, oldest first (undated last), then in the order of each action.",
  })
  nationalsCharged(
    @Root() government: GovernmentRef,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.nationalsCharged(args, withCount).load(government.id);
  }
}

/** What this subgraph adds to the incidents subgraph's `Incident`. */
@Resolver(() => IncidentRef)
export class IncidentContributions {
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => LegalActionConnection, {
    nullable: true,
    description: "Legal actions over this incident, newest first.",
  })
  legalActions(
    @Root() incident: IncidentRef,
    @Args(() => LegalActionListArgs) args: LegalActionListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.legalActionsOfIncident(args, withCount).load(incident.id);
  }
}

/** What this subgraph adds to the incidents subgraph's `ThreatActor`. */
@Resolver(() => ThreatActorRef)
export class ThreatActorContributions {
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => LegalActionConnection, {
    nullable: true,
    description: "Legal actions naming this actor or charging one of its members, newest first.",
  })
  legalActions(
    @Root() actor: ThreatActorRef,
    @Args(() => LegalActionListArgs) args: LegalActionListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.legalActionsOfActor(args, withCount).load(actor.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => PersonConnection, {
    nullable: true,
    description:
      "Its members charged or listed by legal actions, and persons affiliated with it, by name by default.",
  })
  persons(
    @Root() actor: ThreatActorRef,
    @Args(() => PersonListArgs) args: PersonListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.personsOfActor(args, withCount).load(actor.id);
  }
}
