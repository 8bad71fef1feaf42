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
import { DeletePayload, requireEditor, remove, upsert, upsertPayload } from "../kit/write-path";
import { Agency } from "./agency";
import type { Context } from "./context";
import { Government } from "./government";
import { Official, OfficialConnection, OfficialRole } from "./official";
import { MAX_ROLES, OfficialInput, OfficialListArgs } from "./official.inputs";
import { officialWrites } from "./official.writes";
import { StatementConnection } from "./statement";
import { StatementListArgs } from "./statement.inputs";

const UpsertOfficialPayload = upsertPayload(Official, "Official", "official");

@Resolver(() => Official)
export class OfficialResolver {
  @Query(() => Official, { nullable: true, description: "An official by id; NOT_FOUND if none." })
  official(
    @Arg("id", () => ID, { description: 'Their slug: "antony-blinken".' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return loadOrNotFound(ctx.loaders.officialById, "Official", id);
  }

  @Directive(CONNECTION_SIZE)
  @Query(() => OfficialConnection, { description: "Officials, by name by default." })
  officials(@Args(() => OfficialListArgs) args: OfficialListArgs, @Ctx() ctx: Context) {
    return ctx.loaders.officials(args);
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
  ) {
    return ctx.loaders.statementsOfOfficial(args).load(official.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AuditEntryConnection, {
    description: "Every write to this record, oldest first (editor key).",
  })
  history(
    @Root() official: Official,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    requireEditor(ctx.identity, "reading history");
    return ctx.loaders.history("Official", args).load(official.id);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      "This record in the bundle format, with the sources it cites (what export writes).",
  })
  bundleRecord(@Root() official: Official, @Ctx() ctx: Context) {
    return ctx.loaders.snapshots.Official.load(official.id);
  }

  @Mutation(() => UpsertOfficialPayload, {
    description: "Creates or updates an official by id, with their roles (editor key).",
  })
  async upsertOfficial(
    @Arg("input", () => OfficialInput, { validate: false, description: "The official." })
    input: OfficialInput,
    @Arg("sources", () => [SourceInput], {
      nullable: true,
      validate: false,
      description: "The sources it cites.",
    })
    sources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(
      new UpsertOfficialPayload(),
      await upsert(ctx, "governments", officialWrites, input, sources),
    );
  }

  @Mutation(() => DeletePayload, {
    description: "Deletes an official (editor key); refused while records refer to them.",
  })
  deleteOfficial(
    @Arg("id", () => ID, { description: "Their slug." }) id: string,
    @Ctx() ctx: Context,
  ) {
    return remove(ctx, "governments", officialWrites, id);
  }
}

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
