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
import { ref } from "../kit/references";
import { toSources } from "../kit/source";
import { DeletePayload, remove, requireEditor, upsert, upsertPayload } from "../kit/write-path";
import type { Context } from "./context";
import { IncidentConnection } from "./incident";
import { IncidentListArgs } from "./incident.inputs";
import { AgencyRef, GovernmentConnection, GovernmentRef } from "./references";
import { ExternalId, ThreatActor, ThreatActorAlias, ThreatActorConnection } from "./threat-actor";
import {
  MAX_ACTOR_ALIASES,
  MAX_ACTOR_TARGETED_COUNTRIES,
  MAX_EXTERNAL_IDS,
  ThreatActorInput,
  ThreatActorListArgs,
} from "./threat-actor.inputs";
import { threatActorWrites } from "./threat-actor.writes";

const UpsertThreatActorPayload = upsertPayload(ThreatActor, "ThreatActor", "threatActor");

@Resolver(() => ThreatActor)
export class ThreatActorResolver {
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
  threatActors(@Args(() => ThreatActorListArgs) args: ThreatActorListArgs, @Ctx() ctx: Context) {
    return ctx.loaders.threatActors(args);
  }

  @Directive(listSize(MAX_ACTOR_ALIASES))
  @FieldResolver(() => [ThreatActorAlias], {
    description: "Other names, as used by vendors and governments (Leviathan, BRONZE MOHAWK).",
  })
  aliases(@Root() actor: ThreatActor): ThreatActorAlias[] {
    const sources = toSources(actor.sourceRecords);
    return actor.aliases.map((alias) =>
      Object.assign(new ThreatActorAlias(), {
        name: alias.name,
        namedBy: alias.namedBy ?? null,
        ambiguous: alias.ambiguous ?? false,
        sources: sources.filter((source) => alias.sources?.includes(source.id)),
      }),
    );
  }

  @Directive(listSize(MAX_EXTERNAL_IDS))
  @FieldResolver(() => [ExternalId], {
    description: 'Its ids in other catalogues: `{ system: "misp-galaxy", id: <uuid> }`.',
  })
  externalIds(@Root() actor: ThreatActor): ExternalId[] {
    return actor.externalIds.map((e) =>
      Object.assign(new ExternalId(), { system: e.system, id: e.id, url: e.url ?? null }),
    );
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
    return ctx.loaders.governmentsIn(actor.targetedCountryIds, args);
  }

  @FieldResolver(() => GovernmentRef, {
    nullable: true,
    description: "The state said to sponsor it.",
  })
  sponsorState(@Root() actor: ThreatActor) {
    return ref(GovernmentRef, actor.sponsorStateId);
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
  ) {
    return ctx.loaders.incidentsOfActor(args).load(actor.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AuditEntryConnection, {
    description: "Every write to this record, oldest first (editor key).",
  })
  history(
    @Root() actor: ThreatActor,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    requireEditor(ctx.identity, "reading history");
    return ctx.loaders.history("ThreatActor", args).load(actor.id);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      "This record in the bundle format, with the sources it cites (what export writes).",
  })
  bundleRecord(@Root() actor: ThreatActor, @Ctx() ctx: Context) {
    return ctx.loaders.snapshots.ThreatActor.load(actor.id);
  }

  @Mutation(() => UpsertThreatActorPayload, {
    description:
      "Creates or updates a threat actor by id, with its aliases (editor key). Re-sending it unchanged answers UNCHANGED.",
  })
  async upsertThreatActor(
    @Arg("input", () => ThreatActorInput, { validate: false, description: "The threat actor." })
    input: ThreatActorInput,
    @Arg("sources", () => [SourceInput], {
      nullable: true,
      validate: false,
      description: "The sources it cites.",
    })
    sources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(
      new UpsertThreatActorPayload(),
      await upsert(ctx, "incidents", threatActorWrites, input, sources),
    );
  }

  @Mutation(() => DeletePayload, {
    description:
      "Deletes a threat actor (editor key); refused while incidents list it as a suspected actor.",
  })
  deleteThreatActor(
    @Arg("id", () => ID, { description: "Its slug." }) id: string,
    @Ctx() ctx: Context,
  ) {
    return remove(ctx, "incidents", threatActorWrites, id);
  }
}
