import type { GraphQLResolveInfo } from "graphql";
import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Info,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { CountAsked, type WithCount, recordOrKey } from "../kit/selection";
import { CONNECTION_SIZE, ConnectionArgs } from "../kit/connection";
import { loadOrNotFound } from "../kit/loaders";
import { DateWithPrecision } from "../kit/date-with-precision";
import { RecordTimeResolver } from "../kit/record-time-resolver";
import { ref } from "../kit/references";
import { Agency } from "./agency";
import { Attribution, AttributionConnection } from "./attribution";
import { AttributionListArgs } from "./attribution.inputs";
import {
  attributedBy,
  attributionIssuedAt,
  attributionList,
  statementOf,
} from "./attribution.queries";
import type { Context } from "./context";
import { Government, GovernmentConnection } from "./government";
import { IncidentRef, ThreatActorRef } from "./references";
import { Statement } from "./statement";

@Resolver(() => Attribution)
class AttributionFields {
  @Query(() => Attribution, {
    nullable: true,
    description: "An attribution by id; NOT_FOUND if none.",
  })
  attribution(@Arg("id", () => ID, { description: "Its slug." }) id: string, @Ctx() ctx: Context) {
    return loadOrNotFound(ctx.loaders.attributionById, "Attribution", id);
  }

  @Directive(CONNECTION_SIZE)
  @Query(() => AttributionConnection, { description: "Attributions, newest statement first." })
  attributions(
    @Args(() => AttributionListArgs) args: AttributionListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: WithCount,
  ) {
    return attributionList.page(ctx, args, withCount);
  }

  @FieldResolver(() => Statement, { description: "The statement making the attribution." })
  statement(@Root() attribution: Attribution, @Ctx() ctx: Context) {
    return statementOf(ctx, attribution);
  }

  @FieldResolver(() => DateWithPrecision, {
    description: "When it was made: the statement's date.",
  })
  issuedAt(@Root() attribution: Attribution, @Ctx() ctx: Context) {
    return attributionIssuedAt(ctx, attribution);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => GovernmentConnection, {
    description: "Who made it: the issuer, then the cosigners.",
  })
  attributedBy(
    @Root() attribution: Attribution,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return attributedBy(ctx, attribution, args);
  }

  @FieldResolver(() => IncidentRef, {
    nullable: true,
    description: "The incident; null with a NOT_FOUND error if the incidents source lacks it.",
  })
  incident(@Root() attribution: Attribution) {
    return ref(IncidentRef, attribution.incidentId);
  }

  @FieldResolver(() => ThreatActorRef, { nullable: true, description: "The threat actor blamed." })
  actor(@Root() attribution: Attribution) {
    return ref(ThreatActorRef, attribution.actorId);
  }

  @FieldResolver(() => Government, { nullable: true, description: "The state blamed." })
  state(@Root() attribution: Attribution, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const id = attribution.stateId;
    return id ? recordOrKey(ctx.loaders.governmentById, Government, id, info) : null;
  }

  @FieldResolver(() => Agency, {
    nullable: true,
    description: "The state agency blamed (e.g. MSS).",
  })
  agency(@Root() attribution: Attribution, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const id = attribution.agencyId;
    return id ? recordOrKey(ctx.loaders.agencyById, Agency, id, info) : null;
  }
}

/** Written as part of its statement, with its own system time and tombstones. */
export const AttributionResolver = RecordTimeResolver(AttributionFields, {
  type: Attribution,
  name: "Attribution",
  plural: "Attributions",
  dbSchema: "governments",
});
