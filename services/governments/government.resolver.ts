import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { CountAsked } from "../kit/selection";
import { CONNECTION_SIZE, ConnectionArgs } from "../kit/connection";
import { loadOrNotFound } from "../kit/loaders";
import { RecordResolver } from "../kit/record-resolver";
import { AgencyConnection } from "./agency";
import { AgencyListArgs } from "./agency.inputs";
import { AttributionConnection } from "./attribution";
import { AttributionListArgs } from "./attribution.inputs";
import type { Context } from "./context";
import { Government, GovernmentConnection } from "./government";
import { GovernmentInput, GovernmentListArgs } from "./government.inputs";
import { governmentList, governmentsIn } from "./government.queries";
import { governmentWrites } from "./government.writes";
import { StatementConnection } from "./statement";
import { StatementListArgs } from "./statement.inputs";

@Resolver(() => Government)
class GovernmentFields {
  @Query(() => Government, {
    nullable: true,
    description: "A government by id; NOT_FOUND if none.",
  })
  government(
    @Arg("id", () => ID, { description: 'Its slug: "us".' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return loadOrNotFound(ctx.loaders.governmentById, "Government", id);
  }

  @Directive(CONNECTION_SIZE)
  @Query(() => GovernmentConnection, { description: "Governments, by name by default." })
  governments(
    @Args(() => GovernmentListArgs) args: GovernmentListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return governmentList.page(ctx, args, withCount);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => GovernmentConnection, { description: "Unions and alliances it belongs to." })
  memberOf(
    @Root() government: Government,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return governmentsIn(ctx, government.memberOfIds, args);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => GovernmentConnection, {
    description: "Members, for a union or an alliance, by name.",
  })
  members(
    @Root() government: Government,
    @Args(() => GovernmentListArgs) args: GovernmentListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.membersOf(args, withCount).load(government.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AgencyConnection, { description: "Its agencies, by name." })
  agencies(
    @Root() government: Government,
    @Args(() => AgencyListArgs) args: AgencyListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.agenciesOf(args, withCount).load(government.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => StatementConnection, {
    description: "Statements it issued or cosigned, newest first.",
  })
  statements(
    @Root() government: Government,
    @Args(() => StatementListArgs) args: StatementListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.statementsOfGovernment(args, withCount).load(government.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AttributionConnection, {
    description: "Attributions in statements it issued or cosigned, newest first.",
  })
  attributionsMade(
    @Root() government: Government,
    @Args(() => AttributionListArgs) args: AttributionListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.attributionsMadeBy(args, withCount).load(government.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AttributionConnection, {
    description: "Attributions naming it as responsible, newest first.",
  })
  attributionsReceived(
    @Root() government: Government,
    @Args(() => AttributionListArgs) args: AttributionListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.attributionsReceivedBy(args, withCount).load(government.id);
  }
}

/** With the record recipe: history, bundleRecord, upsertGovernment, deleteGovernment. */
export const GovernmentResolver = RecordResolver(GovernmentFields, {
  input: GovernmentInput,
  writes: governmentWrites,
  dbSchema: "governments",
  description: {
    input: "The government.",
    upsert:
      "Creates or updates a government by id (editor key). Re-sending it unchanged answers UNCHANGED.",
    delete: "Deletes a government (editor key); refused while records refer to it.",
  },
});
