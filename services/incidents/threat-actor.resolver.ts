import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { CountAsked } from "../kit/selection";
import { CONNECTION_SIZE, ConnectionArgs, listSize } from "../kit/connection";
import { loadOrNotFound } from "../kit/loaders";
import { ref } from "../kit/references";
import { RecordResolver } from "../kit/record-resolver";
import type { Context } from "./context";
import { IncidentConnection } from "./incident";
import { IncidentListArgs } from "./incident.inputs";
import { AgencyRef, GovernmentConnection, GovernmentRef, governmentsIn } from "./references";
import {
  ExternalId,
  SuspectedOrigin,
  ThreatActor,
  ThreatActorAlias,
  ThreatActorConnection,
} from "./threat-actor";
import {
  MAX_ACTOR_ALIASES,
  MAX_ACTOR_TARGETED_COUNTRIES,
  MAX_EXTERNAL_IDS,
  ThreatActorInput,
  ThreatActorListArgs,
} from "./threat-actor.inputs";
import { threatActorList } from "./threat-actor.queries";
import { threatActorWrites } from "./threat-actor.writes";

@Resolver(() => ThreatActor)
class ThreatActorFields {
  @Query(() => ThreatActor, {
    nullable: true,
    description: "A threat actor by id; NOT_FOUND if none.",
  })
  threatActor(
    @Arg("id", () => ID, { description: 'Its slug: "apt40".' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return loadOrNotFound(ctx.loaders.threatActorById, "ThreatActor", id);
  }

  @Directive(CONNECTION_SIZE)
  @Query(() => ThreatActorConnection, {
    description: "Threat actors, by name by default; best match first when `filter.text` searches.",
  })
  threatActors(
    @Args(() => ThreatActorListArgs) args: ThreatActorListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return threatActorList.page(ctx, args, withCount);
  }

  @Directive(listSize(MAX_ACTOR_ALIASES))
  @FieldResolver(() => [ThreatActorAlias], {
    description: "Other names, as used by vendors and governments (Leviathan, BRONZE MOHAWK).",
  })
  aliases(@Root() actor: ThreatActor): ThreatActorAlias[] {
    return actor.aliasList();
  }

  @Directive(listSize(MAX_EXTERNAL_IDS))
  @FieldResolver(() => [ExternalId], {
    description: 'Its ids in other catalogues: `{ system: "misp-galaxy", id: <uuid> }`.',
  })
  externalIds(@Root() actor: ThreatActor): ExternalId[] {
    return actor.externalIdList();
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => GovernmentConnection, {
    description: `Countries (or unions) it is said to target, in the order of the record (at most ${MAX_ACTOR_TARGETED_COUNTRIES}).`,
  })
  targetedCountries(
    @Root() actor: ThreatActor,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return governmentsIn(ctx, actor.targetedCountryIds, args);
  }

  @FieldResolver(() => GovernmentRef, {
    nullable: true,
    description: "The state said to sponsor it.",
  })
  sponsorState(@Root() actor: ThreatActor) {
    return ref(GovernmentRef, actor.sponsorStateId);
  }

  @FieldResolver(() => SuspectedOrigin, {
    nullable: true,
    description:
      "Where it is said to operate from, who says so and where: kept apart from `sponsorState` (an origin is not a sponsor).",
  })
  suspectedOrigin(@Root() actor: ThreatActor): SuspectedOrigin | null {
    return actor.suspectedOrigin();
  }

  @FieldResolver(() => AgencyRef, {
    nullable: true,
    description:
      "The state agency it is said to work for (e.g. MSS Hainan State Security Department).",
  })
  affiliatedAgency(@Root() actor: ThreatActor) {
    return ref(AgencyRef, actor.affiliatedAgencyId);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => IncidentConnection, {
    description: "Incidents it is suspected of, most recent first by default.",
  })
  incidents(
    @Root() actor: ThreatActor,
    @Args(() => IncidentListArgs) args: IncidentListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.incidentsOfActor(args, withCount).load(actor.id);
  }
}

/** With the record recipe: history, bundleRecord, upsertThreatActor, deleteThreatActor. */
export const ThreatActorResolver = RecordResolver(ThreatActorFields, {
  input: ThreatActorInput,
  writes: threatActorWrites,
  dbSchema: "incidents",
  description: {
    input: "The threat actor.",
    upsert:
      "Creates or updates a threat actor by id, with its aliases (editor key). Re-sending it unchanged answers UNCHANGED.",
    delete:
      "Deletes a threat actor (editor key); refused while incidents list it as a suspected actor.",
  },
});
