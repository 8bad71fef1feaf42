import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { CONNECTION_SIZE, ConnectionArgs, listSize } from "../kit/connection";
import { ref } from "../kit/references";
import { RecordResolver } from "../kit/record-resolver";
import type { Context } from "./context";
import { IncidentConnection } from "./incident";
import { IncidentListArgs } from "./incident.inputs";
import { AgencyRef, GovernmentConnection, GovernmentRef, governmentsIn } from "./references";
import { ExternalId, SuspectedOrigin, ThreatActor, ThreatActorAlias } from "./threat-actor";
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
}

/** With the record recipe: history, bundleRecord, upsertThreatActor, deleteThreatActor. */
export const ThreatActorResolver = RecordResolver(ThreatActorFields, {
  input: ThreatActorInput,
  writes: threatActorWrites,
  dbSchema: "incidents",
  args: ThreatActorListArgs,
  list: threatActorList,
  byId: (ctx: Context) => ctx.loaders.threatActorById,
  connections: {
    incidents: {
      type: IncidentConnection,
      args: IncidentListArgs,
      loader: "incidentsOfActor",
      description: "Incidents it is suspected of, most recent first by default.",
    },
  },
  description: {
    input: "The threat actor.",
    byId: 'Its slug: "apt40".',
    list: "Threat actors, by name by default; best match first when `filter.text` searches.",
    upsert:
      "Creates or updates a threat actor by id, with its aliases (editor key). Re-sending it unchanged answers UNCHANGED.",
    delete:
      "Deletes a threat actor (editor key); refused while incidents list it as a suspected actor.",
  },
});
