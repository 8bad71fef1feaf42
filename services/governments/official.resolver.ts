import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { CountAsked } from "../kit/selection";
import { CONNECTION_SIZE, listSize } from "../kit/connection";
import { loadOrNotFound } from "../kit/loaders";
import { RecordResolver } from "../kit/record-resolver";
import { Agency } from "./agency";
import type { Context } from "./context";
import { Government } from "./government";
import { Official, OfficialConnection, OfficialRole } from "./official";
import { MAX_ROLES, OfficialInput, OfficialListArgs } from "./official.inputs";
import { officialList } from "./official.queries";
import { officialWrites } from "./official.writes";
import { StatementConnection } from "./statement";
import { StatementListArgs } from "./statement.inputs";

@Resolver(() => Official)
class OfficialFields {
  @Query(() => Official, { nullable: true, description: "An official by id; NOT_FOUND if none." })
  official(
    @Arg("id", () => ID, { description: 'Their slug: "antony-blinken".' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return loadOrNotFound(ctx.loaders.officialById, "Official", id);
  }

  @Directive(CONNECTION_SIZE)
  @Query(() => OfficialConnection, { description: "Officials, by name by default." })
  officials(
    @Args(() => OfficialListArgs) args: OfficialListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return officialList.page(ctx, args, withCount);
  }

  @Directive(listSize(MAX_ROLES))
  @FieldResolver(() => [OfficialRole], { description: "Roles held, oldest first." })
  roles(@Root() official: Official, @Ctx() ctx: Context) {
    return ctx.loaders.rolesOf.load(official.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => StatementConnection, {
    description: "Statements this official made, newest first.",
  })
  statements(
    @Root() official: Official,
    @Args(() => StatementListArgs) args: StatementListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.statementsOfOfficial(args, withCount).load(official.id);
  }
}

/** With the record recipe: history, bundleRecord, upsertOfficial, deleteOfficial. */
export const OfficialResolver = RecordResolver(OfficialFields, {
  input: OfficialInput,
  writes: officialWrites,
  dbSchema: "governments",
  description: {
    input: "The official.",
    upsert: "Creates or updates an official by id, with their roles (editor key).",
    delete: "Deletes an official (editor key); refused while records refer to them.",
    id: "Their slug.",
  },
});

@Resolver(() => OfficialRole)
export class OfficialRoleResolver {
  @FieldResolver(() => Agency, { nullable: true, description: "The agency of the role." })
  agency(@Root() role: OfficialRole, @Ctx() ctx: Context) {
    return role.agencyId ? ctx.loaders.agencyById.load(role.agencyId) : null;
  }

  @FieldResolver(() => Government, { description: "The government of the role." })
  government(@Root() role: OfficialRole, @Ctx() ctx: Context) {
    return ctx.loaders.governmentById.load(role.governmentId);
  }
}
