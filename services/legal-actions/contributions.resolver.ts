import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "./context";
import { Defendant } from "./entities/defendant";
import { LegalAction } from "./entities/legal-action";
import { GovernmentRef, IncidentRef, ThreatActorRef } from "./entities/references";

/** Fields this subgraph adds to the other subgraphs' entities. */
@Resolver(() => GovernmentRef)
export class GovernmentLegalActionsResolver {
  @FieldResolver(() => [LegalAction], { nullable: true, description: "Legal actions it brought." })
  legalActionsBrought(@Root() government: GovernmentRef, @Ctx() { loaders }: Context) {
    return loaders.legalActionsByJurisdiction.load(government.id);
  }

  @FieldResolver(() => [Defendant], {
    nullable: true,
    description: "Its nationals charged, arrested or sanctioned, by anyone.",
  })
  nationalsCharged(@Root() government: GovernmentRef, @Ctx() { loaders }: Context) {
    return loaders.defendantsByNationality.load(government.id);
  }
}

@Resolver(() => IncidentRef)
export class IncidentLegalActionsResolver {
  @FieldResolver(() => [LegalAction], {
    nullable: true,
    description: "Legal actions over this incident.",
  })
  legalActions(@Root() incident: IncidentRef, @Ctx() { loaders }: Context) {
    return loaders.legalActionsByIncident.load(incident.id);
  }
}

@Resolver(() => ThreatActorRef)
export class ThreatActorLegalActionsResolver {
  @FieldResolver(() => [LegalAction], {
    nullable: true,
    description: "Legal actions naming this actor or charging its members.",
  })
  async legalActions(@Root() actor: ThreatActorRef, @Ctx() { loaders }: Context) {
    return (await loaders.legalActionsByActor.load(actor.id)).map((row) => row.action);
  }
}
