import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { PageArgs, connectionType, paginate } from "../common/pagination";
import { loadOrNotFound } from "../common/loaders";
import type { Context } from "./context";
import { Charge } from "./entities/charge";
import { Defendant } from "./entities/defendant";
import { LegalAction } from "./entities/legal-action";
import { AgencyRef, GovernmentRef, IncidentRef, ThreatActorRef, ref } from "./entities/references";
import { LegalActionFilter, LegalActionOrder } from "./legal-action.inputs";
import { applyLegalActionFilter, legalActionOrdering } from "./legal-action.query";

const LegalActionConnection = connectionType(LegalAction, "LegalAction");

@Resolver(() => LegalAction)
export class LegalActionResolver {
  @Query(() => LegalAction, {
    nullable: true,
    description: "A legal action by id; NOT_FOUND if none.",
  })
  async legalAction(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loadOrNotFound(loaders.legalActionById, "LegalAction", id);
  }

  @Query(() => LegalActionConnection, { description: "Legal actions, newest first." })
  legalActions(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db }: Context,
    @Arg("filter", () => LegalActionFilter, { nullable: true })
    filter?: LegalActionFilter,
    @Arg("orderBy", () => LegalActionOrder, { nullable: true })
    orderBy?: LegalActionOrder,
  ) {
    const query = db.getRepository(LegalAction).createQueryBuilder("l");
    applyLegalActionFilter(query, filter ?? {});
    return paginate(LegalActionConnection, query, legalActionOrdering(orderBy), page);
  }

  @FieldResolver(() => GovernmentRef, { description: "The government bringing the action." })
  jurisdiction(@Root() action: LegalAction) {
    return ref(GovernmentRef, action.jurisdictionId);
  }

  @FieldResolver(() => AgencyRef, {
    nullable: true,
    description: "The agency bringing it: US DOJ, the EU Council.",
  })
  authority(@Root() action: LegalAction) {
    return ref(AgencyRef, action.authorityId);
  }

  @FieldResolver(() => [Charge])
  charges(@Root() action: LegalAction, @Ctx() { loaders }: Context) {
    return loaders.chargesByLegalAction.load(action.id);
  }

  @FieldResolver(() => [Defendant])
  defendants(@Root() action: LegalAction, @Ctx() { loaders }: Context) {
    return loaders.defendantsByLegalAction.load(action.id);
  }

  @FieldResolver(() => [IncidentRef])
  relatedIncidents(@Root() action: LegalAction) {
    return action.relatedIncidentIds.map((id) => ref(IncidentRef, id));
  }

  @FieldResolver(() => [ThreatActorRef])
  relatedActors(@Root() action: LegalAction) {
    return action.relatedActorIds.map((id) => ref(ThreatActorRef, id));
  }
}
