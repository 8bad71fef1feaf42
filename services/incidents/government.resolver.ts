import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "./context";
import { Incident } from "./entities/incident";
import { GovernmentRef } from "./entities/references";
import { ThreatActor } from "./entities/threat-actor";

/** What this subgraph adds to the governments subgraph's `Government`. */
@Resolver(() => GovernmentRef)
export class GovernmentIncidentsResolver {
  @FieldResolver(() => [ThreatActor], {
    nullable: true,
    description: "Threat actors it is said to sponsor, by name.",
  })
  sponsoredActors(@Root() government: GovernmentRef, @Ctx() { loaders }: Context) {
    return loaders.actorsBySponsorState.load(government.id);
  }

  @FieldResolver(() => [Incident], {
    nullable: true,
    description: "Incidents that targeted it, most recent first.",
  })
  incidentsTargeting(@Root() government: GovernmentRef, @Ctx() { loaders }: Context) {
    return loaders.incidentsByTargetedCountry.load(government.id);
  }
}
