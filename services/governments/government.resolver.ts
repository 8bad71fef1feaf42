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
import { CONNECTION_SIZE, ConnectionArgs } from "../kit/connection";
import { SourceInput } from "../kit/inputs";
import { loadOrNotFound } from "../kit/loaders";
import { DeletePayload, requireEditor, remove, upsert, upsertPayload } from "../kit/write-path";
import { AgencyConnection } from "./agency";
import { AgencyListArgs } from "./agency.inputs";
import { AttributionConnection } from "./attribution";
import { AttributionListArgs } from "./attribution.inputs";
import type { Context } from "./context";
import { Government, GovernmentConnection } from "./government";
import { GovernmentInput, GovernmentListArgs } from "./government.inputs";
import { governmentWrites } from "./government.writes";
import { StatementConnection } from "./statement";
import { StatementListArgs } from "./statement.inputs";

const UpsertGovernmentPayload = upsertPayload(Government, "Government", "government");

@Resolver(() => Government)
export class GovernmentResolver {
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
  governments(@Args(() => GovernmentListArgs) args: GovernmentListArgs, @Ctx() ctx: Context) {
    return ctx.loaders.governments(args);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => GovernmentConnection, { description: "Unions and alliances it belongs to." })
  memberOf(
    @Root() government: Government,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.governmentsIn(government.memberOfIds, args);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => GovernmentConnection, {
    description: "Members, for a union or an alliance, by name.",
  })
  members(
    @Root() government: Government,
    @Args(() => GovernmentListArgs) args: GovernmentListArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.membersOf(args).load(government.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AgencyConnection, { description: "Its agencies, by name." })
  agencies(
    @Root() government: Government,
    @Args(() => AgencyListArgs) args: AgencyListArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.agenciesOf(args).load(government.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => StatementConnection, {
    description: "Statements it issued or cosigned, newest first.",
  })
  statements(
    @Root() government: Government,
    @Args(() => StatementListArgs) args: StatementListArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.statementsOfGovernment(args).load(government.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AttributionConnection, {
    description: "Attributions in statements it issued or cosigned, newest first.",
  })
  attributionsMade(
    @Root() government: Government,
    @Args(() => AttributionListArgs) args: AttributionListArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.attributionsMadeBy(args).load(government.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AttributionConnection, {
    description: "Attributions naming it as responsible, newest first.",
  })
  attributionsReceived(
    @Root() government: Government,
    @Args(() => AttributionListArgs) args: AttributionListArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.attributionsReceivedBy(args).load(government.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AuditEntryConnection, {
    description: "Every write to this record, oldest first (editor key).",
  })
  history(
    @Root() government: Government,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    requireEditor(ctx.identity, "reading history");
    return ctx.loaders.history("Government", args).load(government.id);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      "This record in the bundle format, with the sources it cites (what export writes).",
  })
  bundleRecord(@Root() government: Government, @Ctx() ctx: Context) {
    return ctx.loaders.snapshots.Government.load(government.id);
  }

  @Mutation(() => UpsertGovernmentPayload, {
    description:
      "Creates or updates a government by id (editor key). Re-sending it unchanged answers UNCHANGED.",
  })
  async upsertGovernment(
    @Arg("input", () => GovernmentInput, { validate: false, description: "The government." })
    input: GovernmentInput,
    @Arg("sources", () => [SourceInput], {
      nullable: true,
      validate: false,
      description: "The sources it cites.",
    })
    sources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(
      new UpsertGovernmentPayload(),
      await upsert(ctx, "governments", governmentWrites, input, sources),
    );
  }

  @Mutation(() => DeletePayload, {
    description: "Deletes a government (editor key); refused while records refer to it.",
  })
  deleteGovernment(
    @Arg("id", () => ID, { description: "Its slug." }) id: string,
    @Ctx() ctx: Context,
  ) {
    return remove(ctx, "governments", governmentWrites, id);
  }
}
