import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { CONNECTION_SIZE, ConnectionArgs } from "../kit/connection";
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
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => GovernmentConnection, { description: "Unions and alliances it belongs to." })
  memberOf(
    @Root() government: Government,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return governmentsIn(ctx, government.memberOfIds, args);
  }
}

/** With the record recipe: history, bundleRecord, upsertGovernment, deleteGovernment. */
export const GovernmentResolver = RecordResolver(GovernmentFields, {
  input: GovernmentInput,
  writes: governmentWrites,
  dbSchema: "governments",
  args: GovernmentListArgs,
  list: governmentList,
  byId: (ctx: Context) => ctx.loaders.governmentById,
  connections: {
    members: {
      type: GovernmentConnection,
      args: GovernmentListArgs,
      loader: "membersOf",
      description: "Members, for a union or an alliance, by name.",
    },
    agencies: {
      type: AgencyConnection,
      args: AgencyListArgs,
      loader: "agenciesOf",
      description: "Its agencies, by name.",
    },
    statements: {
      type: StatementConnection,
      args: StatementListArgs,
      loader: "statementsOfGovernment",
      description: "Statements it issued or cosigned, newest first.",
    },
    attributionsMade: {
      type: AttributionConnection,
      args: AttributionListArgs,
      loader: "attributionsMadeBy",
      description: "Attributions in statements it issued or cosigned, newest first.",
    },
    attributionsReceived: {
      type: AttributionConnection,
      args: AttributionListArgs,
      loader: "attributionsReceivedBy",
      description: "Attributions naming it as responsible, newest first.",
    },
  },
  description: {
    input: "The government.",
    byId: 'Its slug: "us".',
    list: "Governments, by name by default.",
    upsert:
      "Creates or updates a government by id (editor key). Re-sending it unchanged answers UNCHANGED.",
    delete: "Deletes a government (editor key); refused while records refer to it.",
  },
});
